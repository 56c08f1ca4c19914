import { execFile } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** Paths of a throw-away cluster's keys and certificates, all PEM files. */
export interface ClusterPki {
  caCert: string;
  caKey: string;
  /** kube-apiserver's serving certificate. */
  serverCert: string;
  serverKey: string;
  /** A client certificate in `system:masters`, used by tests, kube-controller-manager and kwok. */
  adminCert: string;
  adminKey: string;
  /** Signs and verifies service account tokens. */
  serviceAccountKey: string;
  serviceAccountPub: string;
}

// The extensions live in our own config file so that the system openssl.cnf (which marks every
// `req -x509` certificate as a CA) has no say.
const opensslConfig = `[req]
distinguished_name = dn
[dn]
[ca]
basicConstraints = critical,CA:TRUE
keyUsage = critical,keyCertSign,cRLSign
[server]
basicConstraints = critical,CA:FALSE
keyUsage = critical,digitalSignature
extendedKeyUsage = serverAuth
subjectAltName = DNS:localhost,DNS:kubernetes,DNS:kubernetes.default,DNS:kubernetes.default.svc,DNS:kubernetes.default.svc.cluster.local,IP:127.0.0.1,IP:SERVICE_IP
[client]
basicConstraints = critical,CA:FALSE
keyUsage = critical,digitalSignature
extendedKeyUsage = clientAuth
`;

// P-256 keys: generating them costs nothing next to RSA, and every component accepts them.
const newKey = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-noenc'];

/**
 * Creates a CA, the apiserver serving certificate (valid for 127.0.0.1, localhost and the in-cluster
 * `kubernetes.default.svc` names including `serviceIp`), an admin client certificate and the service
 * account key pair in `dir`, with the openssl CLI.
 */
export async function makePki(dir: string, serviceIp: string): Promise<ClusterPki> {
  await mkdir(dir, { recursive: true });
  const file = (name: string) => join(dir, name);
  const config = file('openssl.cnf');
  await writeFile(config, opensslConfig.replace('SERVICE_IP', serviceIp));
  const pki: ClusterPki = {
    caCert: file('ca.crt'),
    caKey: file('ca.key'),
    serverCert: file('apiserver.crt'),
    serverKey: file('apiserver.key'),
    adminCert: file('admin.crt'),
    adminKey: file('admin.key'),
    serviceAccountKey: file('sa.key'),
    serviceAccountPub: file('sa.pub'),
  };
  const days = ['-days', '3650'];
  await openssl(
    'req',
    '-x509',
    '-config',
    config,
    '-extensions',
    'ca',
    ...newKey,
    ...days,
    '-subj',
    '/CN=fleetback-world-ca',
    '-keyout',
    pki.caKey,
    '-out',
    pki.caCert,
  );
  const signed = (extensions: string, subject: string, key: string, cert: string) =>
    openssl(
      'req',
      '-x509',
      '-config',
      config,
      '-extensions',
      extensions,
      ...newKey,
      ...days,
      '-subj',
      subject,
      '-CA',
      pki.caCert,
      '-CAkey',
      pki.caKey,
      '-keyout',
      key,
      '-out',
      cert,
    );
  await Promise.all([
    signed('server', '/CN=kube-apiserver', pki.serverKey, pki.serverCert),
    signed('client', '/O=system:masters/CN=fleetback-world-admin', pki.adminKey, pki.adminCert),
    openssl(
      'genpkey',
      '-algorithm',
      'EC',
      '-pkeyopt',
      'ec_paramgen_curve:P-256',
      '-out',
      pki.serviceAccountKey,
    ).then(() => openssl('pkey', '-in', pki.serviceAccountKey, '-pubout', '-out', pki.serviceAccountPub)),
  ]);
  return pki;
}

async function openssl(...args: string[]): Promise<void> {
  try {
    await run('openssl', args);
  } catch (error) {
    const stderr = (error as { stderr?: string }).stderr ?? '';
    throw new Error(`openssl ${args[0]} failed: ${stderr.trim()}`, { cause: error });
  }
}
