import { readFile, writeFile } from 'node:fs/promises';

export interface KubeconfigOptions {
  /** Names the cluster, user and context inside the file. */
  name: string;
  server: string;
  caCert: string;
  clientCert: string;
  clientKey: string;
}

/**
 * Writes a kubeconfig with one context whose certificates are embedded, so the file stays valid when it is
 * copied or read from another working directory.
 */
export async function writeKubeconfig(path: string, options: KubeconfigOptions): Promise<void> {
  const [ca, cert, key] = await Promise.all(
    [options.caCert, options.clientCert, options.clientKey].map(async (f) =>
      (await readFile(f)).toString('base64'),
    ),
  );
  const { name } = options;
  const yaml = `apiVersion: v1
kind: Config
clusters:
- name: ${name}
  cluster:
    server: ${options.server}
    certificate-authority-data: ${ca}
users:
- name: ${name}-admin
  user:
    client-certificate-data: ${cert}
    client-key-data: ${key}
contexts:
- name: ${name}
  context:
    cluster: ${name}
    user: ${name}-admin
current-context: ${name}
`;
  await writeFile(path, yaml, { mode: 0o600 });
}
