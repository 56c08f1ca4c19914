import { mkdtempSync, readFileSync } from 'node:fs';
import { createConnection, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer as createTlsServer } from 'node:tls';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type ConnectProxy, startConnectProxy } from '../kit/startConnectProxy.ts';
import { startTestAgent, type TestAgent } from '../kit/startTestAgent.ts';
import { startTestHub, type TestHub, type TestHubStorage } from '../kit/startTestHub.ts';
import { makePki } from '../world/cluster/makePki.ts';
import { waitFor } from '../world/waitFor.ts';
import type { ClusterInfo } from '../world/WorldInfo.ts';

// An agent behind a corporate proxy reaching a hub behind TLS with a private CA: it must tunnel through
// HTTPS_PROXY and trust FLEETBACK_CA_FILE, and without the CA it must refuse the hub and keep retrying.
const world = inject('world');
const [clusterA] = world.clusters as [ClusterInfo];

let hub: TestHub & TestHubStorage;
let proxy: ConnectProxy;
let tlsFront: Server;
let closeFront: () => Promise<void> = async () => {};
let hubsUrl: string;
let caFile: string;
const agents: TestAgent[] = [];

async function register(name: string) {
  const tenant = await hub.gql<{ tenants: { edges: { node: { id: string } }[] } }>(hub.adminToken, '{ tenants { edges { node { id } } } }');
  let tenantId = tenant.data?.tenants.edges[0]?.node.id;
  if (!tenantId) {
    const created = await hub.gql<{ createTenant: { id: string } }>(hub.adminToken, 'mutation { createTenant(input: { name: "edge" }) { id } }');
    tenantId = created.data?.createTenant.id;
  }
  const result = await hub.gql<{ registerCluster: { cluster: { id: string }; enrollmentToken: string } }>(
    hub.adminToken,
    'mutation($t: ID!, $n: String!) { registerCluster(input: { tenantId: $t, name: $n }) { cluster { id } enrollmentToken } }',
    { t: tenantId, n: name },
  );
  return result.data?.registerCluster as { cluster: { id: string }; enrollmentToken: string };
}

beforeAll(async () => {
  hub = await startTestHub({ database: 'sqlite', world });
  proxy = await startConnectProxy();
  const pki = await makePki(mkdtempSync(join(tmpdir(), 'fleetback-hub-tls-')), '10.0.0.1');
  caFile = pki.caCert;
  const hubPort = Number(new URL(hub.url).port);
  // TLS terminated in front of the hub, as an ingress would; the hub itself speaks plain HTTP.
  const fronted = new Set<Socket>();
  tlsFront = createTlsServer({ key: readFileSync(pki.serverKey), cert: readFileSync(pki.serverCert) }, (socket) => {
    const upstream = createConnection(hubPort, '127.0.0.1');
    for (const s of [socket, upstream]) {
      fronted.add(s);
      s.once('close', () => fronted.delete(s));
    }
    socket.pipe(upstream).pipe(socket);
    upstream.on('error', () => socket.destroy());
    socket.on('error', () => upstream.destroy());
  });
  await new Promise<void>((resolve) => tlsFront.listen(0, '127.0.0.1', resolve));
  closeFront = () => {
    for (const s of fronted) s.destroy();
    return new Promise((resolve) => tlsFront.close(() => resolve()));
  };
  hubsUrl = `https://127.0.0.1:${(tlsFront.address() as { port: number }).port}`;
});

afterAll(async () => {
  await Promise.all(agents.map((a) => a.kill()));
  await closeFront();
  await proxy?.stop();
  await hub?.stop();
});

describe('an agent behind a proxy, a hub behind TLS', () => {
  it('tunnels through HTTPS_PROXY, trusts the CA bundle, enrolls and connects', async () => {
    const { cluster, enrollmentToken } = await register('behind-proxy');
    const agent = startTestAgent({
      hubUrl: hubsUrl,
      kubeconfigPath: clusterA.kubeconfigPath,
      logDir: world.logDir,
      name: 'behind-proxy',
      enrollmentToken,
      env: { HTTPS_PROXY: proxy.url, NO_PROXY: '', no_proxy: '', FLEETBACK_CA_FILE: caFile },
    });
    agents.push(agent);
    await waitFor(
      async () => {
        const data = await hub.gql<{ cluster: { status: string } }>(hub.adminToken, 'query($id: ID!) { cluster(id: $id) { status } }', {
          id: cluster.id,
        });
        return data.data?.cluster.status === 'Connected';
      },
      { what: 'the proxied agent to connect', abortIf: () => {
        if (agent.process.exitCode !== null) throw new Error(agent.output().slice(-2000));
      } },
    );
    const target = new URL(hubsUrl).host;
    expect(proxy.tunnels.filter((t) => t === target).length).toBeGreaterThanOrEqual(2);
  });

  it('refuses a hub whose certificate it cannot verify, and keeps retrying', async () => {
    const { enrollmentToken } = await register('no-ca');
    const agent = startTestAgent({
      hubUrl: hubsUrl,
      kubeconfigPath: clusterA.kubeconfigPath,
      logDir: world.logDir,
      name: 'no-ca',
      enrollmentToken,
      env: { NO_PROXY: '*' },
    });
    agents.push(agent);
    await waitFor(async () => /"cause":"[^"]*certificate[^"]*".*"msg":"link to the hub closed; reconnecting"/.test(agent.output()), {
      what: 'a certificate error and a retry',
    });
    expect(agent.process.exitCode).toBeNull();
    expect(agent.output()).not.toContain('enrolled; credential stored');
  });
});
