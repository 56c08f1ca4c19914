import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CoreV1Api, KubeConfig, type User } from '@kubernetes/client-node';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { KubeConnections, maxRequestsInFlight } from '../../../agent/src/kube/KubeConnections.ts';
import { kubeStatusOf, KubeJsonClient } from '../../../agent/src/kube/KubeJsonClient.ts';
import { type KubeWrite, KubeWriter } from '../../../agent/src/kube/KubeWriter.ts';
import { type ConnectProxy, startConnectProxy } from '../../kit/startConnectProxy.ts';
import { waitFor } from '../../world/waitFor.ts';
import type { ClusterInfo } from '../../world/WorldInfo.ts';
import { type CountingForwarder, startCountingForwarder } from './startCountingForwarder.ts';

// The agent's JSON clients against a real API server, counting the TCP connections they open: client-node 2
// alone opens one per request. Every kind of credential must keep working over the reused connections, and
// credentials that change between requests must be sent as they are now, not as they were.
const world = inject('world');
const cluster = world.clusters.find((c) => c.name === 'a');
const run = Date.now().toString(36);

/** Who the API server takes the client for (a SelfSubjectReview, which every authenticated user may create). */
async function whoAmI(kube: KubeWrite): Promise<string> {
  const review = await kube.send<{ status: { userInfo: { username: string } } }>(
    'POST',
    '/apis/authentication.k8s.io/v1/selfsubjectreviews',
    { apiVersion: 'authentication.k8s.io/v1', kind: 'SelfSubjectReview' },
  );
  return review.status.userInfo.username;
}

describe.skipIf(!cluster)('KubeConnections against world cluster a', () => {
  const info = cluster as ClusterInfo;
  const namespace = `kube-conn-${run}`;
  let admin: KubeConfig;
  let adminUser: User;
  const tokens: Record<'first' | 'second', string> = { first: '', second: '' };
  let forwarder: CountingForwarder;
  let work: string;
  const opened: KubeConfig[] = [];

  const serviceAccount = (name: string) => `system:serviceaccount:${namespace}:${name}`;

  /** A kubeconfig for cluster a through the forwarder (or `proxyUrl`), authenticating as `user`. */
  function configFor(user: User, proxyUrl?: string): KubeConfig {
    const config = new KubeConfig();
    const server = proxyUrl ? info.server : forwarder.url;
    config.loadFromClusterAndUser({ name: info.name, server, caFile: info.caFile, skipTLSVerify: false, proxyUrl }, user);
    opened.push(config);
    return config;
  }

  beforeAll(async () => {
    admin = new KubeConfig();
    admin.loadFromFile(info.kubeconfigPath);
    adminUser = admin.getCurrentUser() as User;
    const core = admin.makeApiClient(CoreV1Api);
    await core.createNamespace({ body: { metadata: { name: namespace } } });
    for (const name of ['first', 'second'] as const) {
      await core.createNamespacedServiceAccount({ namespace, body: { metadata: { name } } });
      const issued = await core.createNamespacedServiceAccountToken({
        name,
        namespace,
        body: { spec: { audiences: [], expirationSeconds: 600 } },
      });
      tokens[name] = issued.status?.token as string;
    }
    work = await mkdtemp(join(tmpdir(), 'kube-connections-'));
  });

  afterAll(async () => {
    await admin?.makeApiClient(CoreV1Api).deleteNamespace({ name: namespace }).catch(() => undefined);
    if (work) await rm(work, { recursive: true, force: true });
  });

  beforeAll(async () => {
    forwarder = await startCountingForwarder(info.server);
  });

  afterEach(async () => {
    await Promise.all(opened.splice(0).map((config) => KubeConnections.of(config).close()));
  });

  afterAll(async () => {
    await forwarder?.stop();
  });

  it('sends 300 sequential GETs over one connection', async () => {
    const kube = KubeJsonClient.of(configFor(adminUser));
    const before = forwarder.opened;
    for (let i = 0; i < 300; i += 1) {
      const list = await kube.get<{ items: unknown[] }>(`/api/v1/namespaces/${namespace}/serviceaccounts`, { limit: 10 });
      expect(list.items.length).toBeGreaterThan(0);
    }
    expect(forwarder.opened - before).toBe(1);
  });

  it('keeps concurrent requests within the in-flight limit, readers and writers of one kubeconfig sharing it', async () => {
    const config = configFor(adminUser);
    const reader = KubeJsonClient.of(config);
    const writer = KubeWriter.of(config);
    const before = forwarder.opened;
    await Promise.all(
      Array.from({ length: 64 }, (_, i) =>
        i % 4 === 0
          ? writer.send('POST', `/api/v1/namespaces/${namespace}/configmaps`, { metadata: { name: `cm-${i}` }, data: { i: String(i) } })
          : reader.get(`/api/v1/namespaces/${namespace}/configmaps`),
      ),
    );
    expect(forwarder.opened - before).toBeGreaterThanOrEqual(1);
    expect(forwarder.opened - before).toBeLessThanOrEqual(maxRequestsInFlight);
    const conflict = await writer.send('POST', `/api/v1/namespaces/${namespace}/configmaps`, { metadata: { name: 'cm-0' } }).catch((e: unknown) => e);
    expect(kubeStatusOf(conflict)).toBe(409);
  });

  it('authenticates with a bearer token', async () => {
    const kube = KubeWriter.of(configFor({ name: 'first', token: tokens.first }));
    const before = forwarder.opened;
    for (let i = 0; i < 20; i += 1) expect(await whoAmI(kube)).toBe(serviceAccount('first'));
    // Authenticated, but the ServiceAccount may read nothing.
    const denied = await kube.get(`/api/v1/namespaces/${namespace}/configmaps`).catch((e: unknown) => e);
    expect(kubeStatusOf(denied)).toBe(403);
    expect(forwarder.opened - before).toBe(1);
  });

  it('sends the credential an exec plugin gives now, reconnecting only when the client certificate changes', async () => {
    const credentialFile = join(work, 'credential.json');
    // Already expired, so client-node runs the plugin again for every request.
    const writeCredential = (status: Record<string, string>) =>
      writeFile(
        credentialFile,
        JSON.stringify({
          apiVersion: 'client.authentication.k8s.io/v1',
          kind: 'ExecCredential',
          status: { ...status, expirationTimestamp: '2000-01-01T00:00:00Z' },
        }),
      );
    const kube = KubeWriter.of(
      configFor({ name: 'exec', exec: { apiVersion: 'client.authentication.k8s.io/v1', command: 'cat', args: [credentialFile] } }),
    );
    const pem = (base64: string | undefined) => Buffer.from(base64 as string, 'base64').toString('utf8');
    const before = forwarder.opened;
    const openedSince = () => forwarder.opened - before;

    await writeCredential({ token: 'not-a-token' });
    expect(kubeStatusOf(await whoAmI(kube).catch((e: unknown) => e))).toBe(401);
    // kube-apiserver ends an HTTP/2 connection after a request it could not authenticate (its mitigation of
    // CVE-2023-44487), so the next request needs a new one whatever the client does.
    await writeCredential({ token: tokens.first });
    expect(await whoAmI(kube)).toBe(serviceAccount('first'));
    expect(openedSince()).toBe(2);
    await writeCredential({ token: tokens.second });
    expect(await whoAmI(kube)).toBe(serviceAccount('second'));
    expect(openedSince()).toBe(2);

    // A client certificate is TLS material: the next request needs a connection that presents it, and the
    // replaced one is closed as soon as its requests are done (well before an idle connection would be).
    await writeCredential({ clientCertificateData: pem(adminUser.certData), clientKeyData: pem(adminUser.keyData) });
    expect(await whoAmI(kube)).toBe(await whoAmI(KubeWriter.of(admin)));
    expect(openedSince()).toBe(3);
    await waitFor(async () => forwarder.open <= 1, { what: 'the replaced connection to close', timeoutMs: 2_000, intervalMs: 20 });
  });

  describe('through an HTTP CONNECT proxy (proxy-url)', () => {
    let proxy: ConnectProxy;

    beforeAll(async () => {
      proxy = await startConnectProxy();
    });

    afterAll(async () => {
      await proxy?.stop();
    });

    it('tunnels once for many requests', async () => {
      const kube = KubeJsonClient.of(configFor(adminUser, proxy.url));
      for (let i = 0; i < 50; i += 1) await kube.get(`/api/v1/namespaces/${namespace}`);
      expect(proxy.tunnels).toEqual([new URL(info.server).host]);
    });
  });
});
