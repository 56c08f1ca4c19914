import { join } from 'node:path';
import { freePort } from '../freePort.ts';
import { ManagedProcess } from '../ManagedProcess.ts';
import { waitForProcess } from './waitForProcess.ts';

export interface StartedEtcd {
  process: ManagedProcess;
  /** http://127.0.0.1:PORT, for `--etcd-servers`. */
  endpoint: string;
}

/** Starts a single-member etcd with its data in `dir` and waits until it reports itself healthy. */
export async function startEtcd(options: {
  binary: string;
  name: string;
  dir: string;
  logDir: string;
}): Promise<StartedEtcd> {
  const clientPort = await freePort();
  let peerPort = await freePort();
  // Both ports are free when asked for, so the kernel may hand out the same one twice.
  while (peerPort === clientPort) peerPort = await freePort();
  const endpoint = `http://127.0.0.1:${clientPort}`;
  const peer = `http://127.0.0.1:${peerPort}`;
  const process = new ManagedProcess({
    name: `${options.name}/etcd`,
    command: options.binary,
    args: [
      '--name=world',
      `--data-dir=${join(options.dir, 'etcd')}`,
      `--listen-client-urls=${endpoint}`,
      `--advertise-client-urls=${endpoint}`,
      `--listen-peer-urls=${peer}`,
      `--initial-advertise-peer-urls=${peer}`,
      `--initial-cluster=world=${peer}`,
      // Test data is thrown away with the run; fsync would only make a slow disk slower.
      '--unsafe-no-fsync=true',
      '--log-level=warn',
    ],
    logDir: options.logDir,
  });
  await waitForProcess(
    process,
    async () => {
      const res = await fetch(`${endpoint}/health`, { signal: AbortSignal.timeout(2_000) });
      return res.ok && ((await res.json()) as { health?: string }).health === 'true';
    },
    { what: 'etcd /health', timeoutMs: 30_000, intervalMs: 100 },
  );
  return { process, endpoint };
}
