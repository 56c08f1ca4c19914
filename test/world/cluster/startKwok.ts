import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { freePort } from '../freePort.ts';
import { ManagedProcess } from '../ManagedProcess.ts';
import { httpsGet } from './httpsGet.ts';
import { kwokConfig } from './kwokConfig.ts';
import { waitForProcess } from './waitForProcess.ts';

/**
 * Starts kwok, which plays the kubelet of every Node annotated `kwok.x-k8s.io/node=fake`, and waits until
 * its server (the one the apiserver reaches for exec and logs) answers.
 */
export async function startKwok(options: {
  binary: string;
  /** The cluster's name, e.g. `a`; exec'd commands see it as FLEETBACK_CLUSTER. */
  cluster: string;
  /** Prefix of the process name, e.g. `cluster-a`. */
  name: string;
  dir: string;
  kubeconfigPath: string;
  logDir: string;
}): Promise<ManagedProcess> {
  const port = await freePort();
  const execDir = join(options.dir, 'exec');
  const configPath = join(options.dir, 'kwok.yaml');
  await mkdir(execDir, { recursive: true });
  await writeFile(configPath, kwokConfig({ cluster: options.cluster, port, execDir }));
  const process = new ManagedProcess({
    name: `${options.name}/kwok`,
    command: options.binary,
    args: [`--config=${configPath}`, `--kubeconfig=${options.kubeconfigPath}`],
    logDir: options.logDir,
    // kwok also loads ~/.kwok/kwok.yaml when it exists; pointing its work dir elsewhere keeps a developer's
    // own configuration out of the world.
    env: { ...globalThis.process.env, KWOK_WORKDIR: options.dir },
  });
  await waitForProcess(
    process,
    // kwok serves with a throw-away self-signed certificate, which the apiserver does not verify either.
    async () => (await httpsGet(`https://127.0.0.1:${port}/healthz`, { verify: false })).status === 200,
    { what: 'kwok /healthz', timeoutMs: 60_000, intervalMs: 200 },
  );
  return process;
}
