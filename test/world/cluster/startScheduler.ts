import { freePort } from '../freePort.ts';
import { ManagedProcess } from '../ManagedProcess.ts';
import { httpsGet } from './httpsGet.ts';
import { waitForProcess } from './waitForProcess.ts';

/**
 * Starts kube-scheduler, so pods that name no node (those of restored Deployments, Jobs, DaemonSets) are
 * placed on the fake node like on a real cluster. Ready when its /healthz answers; that path is served to
 * anonymous callers by default.
 */
export async function startScheduler(options: {
  binary: string;
  name: string;
  kubeconfigPath: string;
  logDir: string;
}): Promise<ManagedProcess> {
  const port = await freePort();
  const process = new ManagedProcess({
    name: `${options.name}/kube-scheduler`,
    command: options.binary,
    args: [
      `--kubeconfig=${options.kubeconfigPath}`,
      `--authentication-kubeconfig=${options.kubeconfigPath}`,
      `--authorization-kubeconfig=${options.kubeconfigPath}`,
      '--leader-elect=false',
      '--bind-address=127.0.0.1',
      `--secure-port=${port}`,
      '--profiling=false',
    ],
    logDir: options.logDir,
  });
  await waitForProcess(
    process,
    async () => (await httpsGet(`https://127.0.0.1:${port}/healthz`, { verify: false })).status === 200,
    { what: 'kube-scheduler /healthz', timeoutMs: 60_000, intervalMs: 250 },
  );
  return process;
}
