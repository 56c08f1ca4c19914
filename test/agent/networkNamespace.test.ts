import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createIsolatedNamespace, type IsolatedNamespace } from '../kit/netns/createIsolatedNamespace.ts';
import { listeningSockets } from '../kit/netns/listeningSockets.ts';
import { netnsUnavailableReason } from '../kit/netns/netnsUnavailableReason.ts';
import { type NamespaceListener, startNamespaceListener } from '../kit/netns/startNamespaceListener.ts';
import { startTcpForwarder, type TcpForwarder } from '../kit/netns/startTcpForwarder.ts';
import { tryConnect } from '../kit/netns/tryConnect.ts';
import { writeForwardedKubeconfig } from '../kit/netns/writeForwardedKubeconfig.ts';
import { startTestAgent, type TestAgent } from '../kit/startTestAgent.ts';
import { startTestHub, type TestHub, type TestHubStorage } from '../kit/startTestHub.ts';
import { waitFor } from '../world/waitFor.ts';
import type { ClusterInfo } from '../world/WorldInfo.ts';

// The agent only ever dials out, so it must work where nothing can connect in. This suite runs one real agent
// process in a network namespace whose firewall drops every new inbound connection and lets out only traffic
// to the host end of its veth. The hub and the kube-apiserver listen on 127.0.0.1 of the root namespace, which
// the namespace cannot see, so TCP forwarders on the host end carry the agent's own connections to them.
const world = inject('world');
const [clusterA] = world.clusters as [ClusterInfo | undefined];
// The issue asks for this proof where network namespaces can be made; a machine (or CI runner) without the
// capability skips it loudly, and the skip shows in the CI summary's count.
const unavailable = netnsUnavailableReason();
const skip = !clusterA || unavailable !== undefined;
if (unavailable) console.warn(`\n!!! SKIPPING the network-namespace agent suite: ${unavailable}\n`);

// The wait for a connection into the namespace: a dropped SYN never answers, so this only bounds the probe.
const probeTimeoutMs = 1_500;

let hub: TestHub & TestHubStorage;
let tenantId: string;
let namespace: IsolatedNamespace | undefined;
let hubForwarder: TcpForwarder | undefined;
let apiForwarder: TcpForwarder | undefined;
let listener: NamespaceListener | undefined;
let agent: TestAgent | undefined;
let clusterId: string;
const tempDirs: string[] = [];

async function admin<T = Record<string, unknown>>(query: string, variables?: object): Promise<T> {
  const result = await hub.gql<T>(hub.adminToken, query, variables);
  if (result.errors?.length) throw new Error(result.errors.map((e) => e.message).join('; '));
  return result.data as T;
}

function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  tempDirs.push(dir);
  return dir;
}

function agentAlive(): void {
  if (agent && agent.process.exitCode !== null) {
    throw new Error(`the namespaced agent exited ${agent.process.exitCode}:\n${agent.output().slice(-3000)}`);
  }
}

describe.skipIf(skip)(
  `an agent in a network namespace that accepts no inbound connections${skip ? ` (skipped: ${unavailable ?? 'the world has no cluster'})` : ''}`,
  () => {
    beforeAll(async () => {
      const cluster = clusterA as ClusterInfo;
      hub = await startTestHub({ database: 'sqlite', world });
      const tenant = await admin<{ createTenant: { id: string } }>('mutation { createTenant(input: { name: "netns" }) { id } }');
      tenantId = tenant.createTenant.id;

      namespace = await createIsolatedNamespace();
      hubForwarder = await startTcpForwarder({
        listenHost: namespace.hostAddress,
        targetHost: '127.0.0.1',
        targetPort: Number(new URL(hub.url).port),
      });
      apiForwarder = await startTcpForwarder({
        listenHost: namespace.hostAddress,
        targetHost: '127.0.0.1',
        targetPort: Number(new URL(cluster.server).port),
      });
      const dir = tempDir('fleetback-netns-');
      const kubeconfigPath = join(dir, 'kubeconfig');
      // The apiserver's certificate names 127.0.0.1 and localhost, not the forwarder: verify it as localhost.
      writeForwardedKubeconfig({
        source: cluster.kubeconfigPath,
        destination: kubeconfigPath,
        server: `https://${apiForwarder.host}:${apiForwarder.port}`,
        tlsServerName: 'localhost',
      });

      const registered = await admin<{ registerCluster: { cluster: { id: string }; enrollmentToken: string } }>(
        'mutation($t: ID!) { registerCluster(input: { tenantId: $t, name: "isolated" }) { cluster { id } enrollmentToken } }',
        { t: tenantId },
      );
      clusterId = registered.registerCluster.cluster.id;
      agent = startTestAgent({
        hubUrl: `http://${hubForwarder.host}:${hubForwarder.port}`,
        kubeconfigPath,
        logDir: world.logDir,
        name: 'netns',
        enrollmentToken: registered.registerCluster.enrollmentToken,
        credentialFile: join(dir, 'credential'),
        wrapper: namespace.wrapper,
        // A proxy inherited from the environment would be unreachable from the namespace, and is not under test.
        env: { NO_PROXY: '*', no_proxy: '*' },
      });
    });

    afterAll(async () => {
      // Every step runs even when one fails; the namespace goes last, once nothing runs inside it any more.
      const failures: unknown[] = [];
      const attempt = async (step: () => Promise<unknown> | undefined) => {
        try {
          await step();
        } catch (error) {
          failures.push(error);
        }
      };
      await attempt(() => agent?.stop());
      await attempt(() => listener?.stop());
      await attempt(() => hubForwarder?.stop());
      await attempt(() => apiForwarder?.stop());
      await attempt(() => hub?.stop());
      await attempt(() => namespace?.destroy());
      for (const dir of [...tempDirs, ...(hub ? [hub.dataDir] : [])]) {
        await attempt(async () => rmSync(dir, { recursive: true, force: true }));
      }
      if (failures.length) throw new AggregateError(failures, 'cleaning up the network-namespace suite failed');
    });

    it('enrolls and connects from inside the namespace, and reports its facts', async () => {
      const state = await waitFor(
        async () => {
          const data = await admin<{ cluster: { status: string; facts: { kubernetesVersion: string } | null } }>(
            'query($id: ID!) { cluster(id: $id) { status facts { kubernetesVersion } } }',
            { id: clusterId },
          );
          return data.cluster.status === 'Connected' && data.cluster.facts ? data.cluster : undefined;
        },
        { what: 'the namespaced agent to connect with facts', abortIf: agentAlive },
      );
      expect(state.facts?.kubernetesVersion).toMatch(/^v1\.\d+\./);
      // Its own log says so, naming the hub as it reached it: through the forwarder on the veth's host end.
      const hubOrigin = `ws://${hubForwarder?.host}:${hubForwarder?.port}`;
      expect(agent?.output()).toContain(`"hub":"${hubOrigin}","msg":"connected to the hub"`);

      const ns = namespace as IsolatedNamespace;
      // It really ran inside: its network namespace is ours, and everything it reached came from the
      // namespace's end of the veth through the forwarders (facts need the apiserver, Connected needs the hub).
      expect(ns.contains(agent?.process.pid as number)).toBe(true);
      expect(hubForwarder?.peers.length).toBeGreaterThan(0);
      expect(apiForwarder?.peers.length).toBeGreaterThan(0);
      expect(new Set([...(hubForwarder?.peers ?? []), ...(apiForwarder?.peers ?? [])])).toEqual(new Set([ns.namespaceAddress]));
    });

    it('runs a job end to end: a filesystem location check succeeds', async () => {
      const created = await admin<{ createBackupLocation: { id: string } }>(
        'mutation($t: ID!, $p: String!) { createBackupLocation(input: { tenantId: $t, name: "netns", filesystem: { path: $p } }) { id } }',
        { t: tenantId, p: tempDir('fleetback-netns-location-') },
      );
      const validation = await admin<{ validateBackupLocation: { id: string } }>(
        'mutation($id: ID!, $c: ID!) { validateBackupLocation(id: $id, clusterId: $c) { id } }',
        { id: created.createBackupLocation.id, c: clusterId },
      );
      const ended = await waitFor(
        async () => {
          const data = await admin<{ job: { phase: string } }>('query($id: ID!) { job(id: $id) { phase } }', {
            id: validation.validateBackupLocation.id,
          });
          return ['Succeeded', 'Failed', 'Cancelled'].includes(data.job.phase) ? data.job : undefined;
        },
        { what: 'the location check to end', abortIf: agentAlive },
      );
      expect(ended.phase).toBe('Succeeded');
    });

    it('listens on no address another network namespace could reach', async () => {
      agentAlive();
      const ns = namespace as IsolatedNamespace;
      // Loopback sockets are unreachable from outside the namespace by construction; anything else (a wildcard
      // or the veth address) would be an inbound door, firewall or not.
      const sockets = await listeningSockets(ns.name);
      expect(sockets.filter((s) => !s.loopback).map((s) => s.line)).toEqual([]);
      // The ruleset is in place as written: new inbound connections are dropped.
      expect(await ns.ruleset()).toMatch(/chain input \{\s*type filter hook input priority filter; policy drop;/);
    });

    it('drops connections from outside, even to a port that listens inside the namespace', async () => {
      const ns = namespace as IsolatedNamespace;
      // Control: from the root namespace the probe does connect to something that accepts (the hub forwarder).
      expect(await tryConnect(ns.hostAddress, (hubForwarder as TcpForwarder).port, probeTimeoutMs)).toBe('connected');
      // A listener on the namespace's veth address, which accepts a connection from inside (it checks that before
      // resolving): from outside, the connection must not open.
      listener = await startNamespaceListener(ns.wrapper, ns.namespaceAddress);
      const outcome = await tryConnect(ns.namespaceAddress, listener.port, probeTimeoutMs);
      expect(outcome).not.toBe('connected');
      expect(['timeout', 'refused']).toContain(outcome);
      await listener.stop();
      // The agent's own link is unaffected: it dialled out, so its replies are established traffic.
      agentAlive();
      const data = await admin<{ cluster: { status: string } }>('query($id: ID!) { cluster(id: $id) { status } }', { id: clusterId });
      expect(data.cluster.status).toBe('Connected');
    });
  },
);
