import { readFile } from 'node:fs/promises';
import { freePort } from '../freePort.ts';
import { ManagedProcess } from '../ManagedProcess.ts';
import { httpsGet } from './httpsGet.ts';
import type { ClusterPki } from './makePki.ts';
import { waitForProcess } from './waitForProcess.ts';

/** Services get virtual IPs from this range; they are never a traffic target in the world. */
export const serviceCidr = '10.96.0.0/16';
/** The `kubernetes` Service's IP, the first of `serviceCidr`; the serving certificate names it. */
export const kubernetesServiceIp = '10.96.0.1';

export interface StartedApiserver {
  process: ManagedProcess;
  /** https://127.0.0.1:PORT */
  server: string;
}

/** Starts kube-apiserver on a free loopback port and waits until `/readyz` passes for the admin user. */
export async function startApiserver(options: {
  binary: string;
  name: string;
  etcd: string;
  pki: ClusterPki;
  logDir: string;
}): Promise<StartedApiserver> {
  const { pki } = options;
  const port = await freePort();
  const server = `https://127.0.0.1:${port}`;
  const process = new ManagedProcess({
    name: `${options.name}/kube-apiserver`,
    command: options.binary,
    args: [
      `--etcd-servers=${options.etcd}`,
      '--bind-address=127.0.0.1',
      '--advertise-address=127.0.0.1',
      `--secure-port=${port}`,
      `--tls-cert-file=${pki.serverCert}`,
      `--tls-private-key-file=${pki.serverKey}`,
      `--client-ca-file=${pki.caCert}`,
      '--service-account-issuer=https://kubernetes.default.svc.cluster.local',
      `--service-account-key-file=${pki.serviceAccountPub}`,
      `--service-account-signing-key-file=${pki.serviceAccountKey}`,
      '--authorization-mode=RBAC',
      `--service-cluster-ip-range=${serviceCidr}`,
      '--allow-privileged=true',
      // kwok's fake nodes report 127.0.0.1 as InternalIP; exec and logs reach kwok there. Without
      // --kubelet-certificate-authority the apiserver accepts kwok's self-signed serving certificate.
      '--kubelet-preferred-address-types=InternalIP',
      // The `kubernetes` Service cannot have a loopback endpoint; the default reconciler would log that forever.
      '--endpoint-reconciler-type=none',
      '--profiling=false',
    ],
    logDir: options.logDir,
  });
  const [ca, cert, key] = await Promise.all(
    [pki.caCert, pki.adminCert, pki.adminKey].map((f) => readFile(f)),
  );
  await waitForProcess(
    process,
    async () => (await httpsGet(`${server}/readyz`, { ca, cert, key })).status === 200,
    { what: 'kube-apiserver /readyz', timeoutMs: 120_000, intervalMs: 250 },
  );
  return { process, server };
}
