import { join } from 'node:path';
import { CoreV1Api, KubeConfig } from '@kubernetes/client-node';
import { ManagedProcess } from '../ManagedProcess.ts';
import type { ClusterPki } from './makePki.ts';
import { waitForProcess } from './waitForProcess.ts';

/**
 * Starts kube-controller-manager against the cluster and waits until its controllers act: the
 * ServiceAccount controller has made `default/default`, which pods need before they are admitted.
 */
export async function startControllerManager(options: {
  binary: string;
  name: string;
  kubeconfigPath: string;
  pki: ClusterPki;
  /** The cluster's private directory. */
  dir: string;
  logDir: string;
}): Promise<ManagedProcess> {
  const { pki, kubeconfigPath } = options;
  const process = new ManagedProcess({
    name: `${options.name}/kube-controller-manager`,
    command: options.binary,
    args: [
      `--kubeconfig=${kubeconfigPath}`,
      `--service-account-private-key-file=${pki.serviceAccountKey}`,
      `--root-ca-file=${pki.caCert}`,
      `--cluster-signing-cert-file=${pki.caCert}`,
      `--cluster-signing-key-file=${pki.caKey}`,
      '--leader-elect=false',
      '--use-service-account-credentials=false',
      // Nothing scrapes it, and its delegated authentication would need more kubeconfigs.
      '--secure-port=0',
      '--profiling=false',
      // The default is under /usr/libexec, which it would create on the host.
      `--flex-volume-plugin-dir=${join(options.dir, 'flexvolume')}`,
    ],
    logDir: options.logDir,
  });
  const kc = new KubeConfig();
  kc.loadFromFile(kubeconfigPath);
  const core = kc.makeApiClient(CoreV1Api);
  await waitForProcess(
    process,
    async () => Boolean(await core.readNamespacedServiceAccount({ name: 'default', namespace: 'default' })),
    { what: 'the default ServiceAccount', timeoutMs: 60_000, intervalMs: 250 },
  );
  return process;
}
