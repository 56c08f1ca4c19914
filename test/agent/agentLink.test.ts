import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CoreV1Api, KubeConfig } from '@kubernetes/client-node';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { FileCredentialStore } from '../../agent/src/link/FileCredentialStore.ts';
import { enrollmentTokenSha256, hubIdentity } from '../../agent/src/link/StoredCredential.ts';
import { agentCloseCodes } from '#schema/agent/agentProtocol';
import { ProtocolAgent } from '../kit/ProtocolAgent.ts';
import { startTestAgent, type TestAgent } from '../kit/startTestAgent.ts';
import { startTestHub, type TestHub, type TestHubStorage } from '../kit/startTestHub.ts';
import { waitFor } from '../world/waitFor.ts';
import type { ClusterInfo } from '../world/WorldInfo.ts';

// The agent link end to end on SQLite: real agent processes against the two real clusters of the world,
// and protocol-level clients where a test must act at one precise step.
const world = inject('world');
const [clusterA, clusterB] = world.clusters as [ClusterInfo, ClusterInfo];
const run = Date.now().toString(36);

let hub: TestHub & TestHubStorage;
let tenantId: string;
const agents: TestAgent[] = [];

async function admin<T = Record<string, unknown>>(query: string, variables?: object): Promise<T> {
  const result = await hub.gql<T>(hub.adminToken, query, variables);
  if (result.errors?.length) throw new Error(result.errors.map((e) => e.message).join('; '));
  return result.data as T;
}

async function register(name: string): Promise<{ id: string; token: string }> {
  const data = await admin<{ registerCluster: { cluster: { id: string }; enrollmentToken: string } }>(
    'mutation($t: ID!, $n: String!) { registerCluster(input: { tenantId: $t, name: $n }) { cluster { id } enrollmentToken } }',
    { t: tenantId, n: name },
  );
  return { id: data.registerCluster.cluster.id, token: data.registerCluster.enrollmentToken };
}

function agentFor(cluster: ClusterInfo, name: string, extra: Partial<Parameters<typeof startTestAgent>[0]> = {}) {
  const agent = startTestAgent({
    hubUrl: hub.url,
    kubeconfigPath: cluster.kubeconfigPath,
    logDir: world.logDir,
    name,
    ...extra,
  });
  agents.push(agent);
  return agent;
}

async function clusterState(id: string) {
  const data = await admin<{
    cluster: { status: string; agentVersion: string | null; kubernetesVersion: string | null; facts: { nodeCount: number; kubernetesVersion: string } | null };
  }>(
    'query($id: ID!) { cluster(id: $id) { status agentVersion kubernetesVersion facts { nodeCount kubernetesVersion } } }',
    { id },
  );
  return data.cluster;
}

async function job(id: string) {
  const data = await admin<{ job: { phase: string; attempts: number; error: string | null; progress: { done: number } | null } }>(
    'query($id: ID!) { job(id: $id) { phase attempts error progress { done } } }',
    { id },
  );
  return data.job;
}

async function filesystemLocation(name: string, path: string): Promise<string> {
  const data = await admin<{ createBackupLocation: { id: string } }>(
    'mutation($t: ID!, $n: String!, $p: String!) { createBackupLocation(input: { tenantId: $t, name: $n, filesystem: { path: $p } }) { id } }',
    { t: tenantId, n: name, p: path },
  );
  return data.createBackupLocation.id;
}

async function validate(locationId: string, clusterId: string): Promise<string> {
  const data = await admin<{ validateBackupLocation: { id: string } }>(
    'mutation($id: ID!, $c: ID!) { validateBackupLocation(id: $id, clusterId: $c) { id } }',
    { id: locationId, c: clusterId },
  );
  return data.validateBackupLocation.id;
}

const ended = (phase: string) => ['Succeeded', 'Failed', 'Cancelled'].includes(phase);

beforeAll(async () => {
  hub = await startTestHub({ database: 'sqlite', world });
  const data = await admin<{ createTenant: { id: string } }>('mutation { createTenant(input: { name: "agents" }) { id } }');
  tenantId = data.createTenant.id;
});

afterAll(async () => {
  await Promise.all(agents.map((a) => a.kill()));
  await hub?.stop();
});

describe('the agent link', () => {
  const enrolled: Record<'a' | 'b', { id: string; agent?: TestAgent }> = { a: { id: '' }, b: { id: '' } };

  it('enrolls two clusters; each reports its facts and shows Connected', async () => {
    for (const [key, cluster] of [['a', clusterA], ['b', clusterB]] as const) {
      const { id, token } = await register(`cluster-${key}`);
      enrolled[key] = { id, agent: agentFor(cluster, key, { enrollmentToken: token }) };
    }
    for (const key of ['a', 'b'] as const) {
      const { id, agent } = enrolled[key];
      const state = await waitFor(
        async () => {
          const s = await clusterState(id);
          return s.status === 'Connected' && s.facts ? s : undefined;
        },
        { what: `cluster ${key} connected with facts`, abortIf: () => exitedCheck(agent) },
      );
      expect(state.agentVersion).toBe('0.1.0');
      expect(state.kubernetesVersion).toMatch(/^v1\.35\./);
      expect(state.facts?.kubernetesVersion).toBe(state.kubernetesVersion);
    }
  });

  it('refuses a used enrollment token with a clear error, and the agent exits 3', async () => {
    const { token } = await register('reuse');
    const first = agentFor(clusterA, 'reuse-1', { enrollmentToken: token });
    await waitFor(async () => first.output().includes('enrolled; credential stored'), { what: 'first enrollment' });
    const second = agentFor(clusterA, 'reuse-2', { enrollmentToken: token });
    expect(await second.exited).toBe(3);
    expect(second.output()).toMatch(/enrollment refused: the enrollment token is not valid: it was already used/);
    await first.stop();
  });

  it('stops with a clear message when it has neither a credential nor a token, or a bad kubeconfig', async () => {
    const bare = agentFor(clusterA, 'bare');
    expect(await bare.exited).toBe(3);
    expect(bare.output()).toMatch(/no cluster credential in file .* and no enrollment token: register the cluster/);
    const lost = startTestAgent({ hubUrl: hub.url, kubeconfigPath: '/nonexistent/kubeconfig', logDir: world.logDir, name: 'lost' });
    agents.push(lost);
    expect(await lost.exited).toBe(2);
    expect(lost.output()).toMatch(/bad configuration: cannot load the cluster's configuration from \/nonexistent\/kubeconfig/);
  });

  it('refuses an expired enrollment token, naming when it expired', async () => {
    const { id, token } = await register('expired');
    const { DatabaseSync } = await import('node:sqlite');
    const db = new DatabaseSync(join(hub.dataDir, 'fleetback.sqlite'));
    db.prepare('update clusters set enrollment_expires_at = ? where id = ?').run(Date.now() - 1000, id);
    db.close();
    const agent = agentFor(clusterA, 'expired', { enrollmentToken: token });
    expect(await agent.exited).toBe(3);
    expect(agent.output()).toMatch(/the enrollment token expired at/);
  });

  it('reports a namespace created after connecting, with its labels and workloads', async () => {
    const kc = new KubeConfig();
    kc.loadFromFile(clusterA.kubeconfigPath);
    const core = kc.makeApiClient(CoreV1Api);
    const namespace = `late-${run}`;
    await core.createNamespace({ body: { metadata: { name: namespace, labels: { team: 'shop' } } } });
    await core.createNamespacedConfigMap({ namespace, body: { metadata: { name: 'settings', labels: { app: 'web' } } } });
    const seen = await waitFor(
      async () => {
        const data = await admin<{
          clusterNamespaces: { edges: { node: { name: string; labels: { key: string; value: string }[]; countsByKind: { kind: string; count: number }[] } }[] };
        }>(
          'query($c: ID!, $ns: [String!]) { clusterNamespaces(clusterId: $c, filter: { namespaces: $ns }) { edges { node { name labels { key value } countsByKind { kind count } } } } }',
          { c: enrolled.a.id, ns: [namespace] },
        );
        const node = data.clusterNamespaces.edges[0]?.node;
        return node?.countsByKind.some((c) => c.kind === 'ConfigMap' && c.count >= 1) ? node : undefined;
      },
      { what: 'the new namespace in the application view' },
    );
    expect(seen.labels).toContainEqual({ key: 'team', value: 'shop' });
    const filtered = await admin<{ clusterNamespaces: { totalCount: number } }>(
      'query($c: ID!) { clusterNamespaces(clusterId: $c, filter: { namespaceSelector: "team=shop" }) { totalCount } }',
      { c: enrolled.a.id },
    );
    expect(filtered.clusterNamespaces.totalCount).toBe(1);
    // A viewer narrowed to `late-*` namespaces sees only those in the application view.
    const narrowed = await admin<{ createApiToken: { token: string } }>(
      'mutation($t: ID!) { createApiToken(input: { tenantId: $t, name: "late-viewer", role: viewer, namespaces: ["late-*"] }) { token } }',
      { t: tenantId },
    );
    const seenByNarrowed = await hub.gql<{ clusterNamespaces: { edges: { node: { name: string } }[] } }>(
      narrowed.createApiToken.token,
      'query($c: ID!) { clusterNamespaces(clusterId: $c, first: 500) { edges { node { name } } } }',
      { c: enrolled.a.id },
    );
    expect(seenByNarrowed.data?.clusterNamespaces.edges.map((e) => e.node.name)).toEqual([namespace]);
    await core.deleteNamespace({ name: namespace });
  });

  it('runs a location check through the agent: a good path passes, a missing one fails with the reason', async () => {
    const good = await filesystemLocation('good', mkdtempSync(join(tmpdir(), 'fleetback-location-')));
    const bad = await filesystemLocation('bad', '/nonexistent/fleetback');
    const goodJob = await validate(good, enrolled.a.id);
    const badJob = await validate(bad, enrolled.a.id);
    const goodEnd = await waitFor(async () => ((j) => (ended(j.phase) ? j : undefined))(await job(goodJob)), { what: 'good check' });
    const badEnd = await waitFor(async () => ((j) => (ended(j.phase) ? j : undefined))(await job(badJob)), { what: 'bad check' });
    expect(goodEnd).toMatchObject({ phase: 'Succeeded', attempts: 1, error: null });
    expect(badEnd.phase).toBe('Failed');
    expect(badEnd.error).toMatch(/\/nonexistent\/fleetback does not exist .*mount the volume/);
    const data = await admin<{ backupLocation: { validation: { ok: boolean; clusterId: string } } }>(
      'query($id: ID!) { backupLocation(id: $id) { validation { ok clusterId } } }',
      { id: good },
    );
    expect(data.backupLocation.validation).toEqual({ ok: true, clusterId: enrolled.a.id });
  });

  it("keeps each cluster's jobs to its own credential", async () => {
    const { id, token } = await register('isolated');
    const enrollment = await (await ProtocolAgent.connect({ hubUrl: hub.url })).request<{ enroll: { credential: string } }>(
      'mutation($t: String!) { enroll(token: $t) { credential } }',
      { t: token },
    );
    const credential = enrollment.data?.enroll.credential as string;
    const location = await filesystemLocation('isolation', tmpdir());
    const otherJob = await validate(location, enrolled.b.id);
    const agent = await ProtocolAgent.connect({ hubUrl: hub.url, credential });
    agent.subscribeJobs();
    const ownJob = await validate(location, id);
    await agent.nextEvent((e) => e.jobId === ownJob);
    for (const mutation of [
      'mutation($id: ID!) { ackJob(id: $id) { run } }',
      'mutation($id: ID!) { completeJob(id: $id) { accepted } }',
      'mutation($id: ID!) { failJob(id: $id, error: "x") { accepted } }',
      'mutation($id: ID!) { reportProgress(id: $id, progress: { done: 1, total: 1, bytes: 0 }) { stop } }',
    ]) {
      const answer = await agent.request(mutation, { id: otherJob });
      expect(answer.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
      expect(answer.data).toBeNull();
    }
    expect(agent.events.map((e) => e.jobId)).not.toContain(otherJob);
    agent.close();
  });

  it('offers a job again when its agent vanishes mid-job, and completes it exactly once', async () => {
    const { id, token } = await register('crashy');
    const first = await ProtocolAgent.connect({ hubUrl: hub.url });
    const enrollment = await first.request<{ enroll: { credential: string } }>(
      'mutation($t: String!) { enroll(token: $t) { credential } }',
      { t: token },
    );
    first.close();
    const credential = enrollment.data?.enroll.credential as string;
    const doomed = await ProtocolAgent.connect({ hubUrl: hub.url, credential });
    doomed.subscribeJobs();
    const location = await filesystemLocation('crashy', mkdtempSync(join(tmpdir(), 'fleetback-location-')));
    const jobId = await validate(location, id);
    await doomed.nextEvent((e) => e.jobId === jobId && e.type === 'Offer');
    const ack = await doomed.request<{ ackJob: { run: boolean } }>('mutation($id: ID!) { ackJob(id: $id) { run } }', { id: jobId });
    expect(ack.data?.ackJob.run).toBe(true);
    expect((await job(jobId)).phase).toBe('Running');
    doomed.kill();

    const credentialFile = join(mkdtempSync(join(tmpdir(), 'fleetback-agent-')), 'credential');
    await new FileCredentialStore(credentialFile).save({
      credential,
      hubUrl: hubIdentity(new URL(hub.url)),
      clusterId: id,
      clusterName: 'crashy',
      tenantId,
      enrollmentTokenSha256: enrollmentTokenSha256(token),
    });
    const replacement = agentFor(clusterA, 'replacement', { credentialFile });
    const done = await waitFor(async () => ((j) => (ended(j.phase) ? j : undefined))(await job(jobId)), {
      what: 'the re-offered job to end',
      abortIf: () => exitedCheck(replacement),
    });
    expect(done).toMatchObject({ phase: 'Succeeded', attempts: 2, error: null });
    const late = await ProtocolAgent.connect({ hubUrl: hub.url, credential });
    const second = await late.request<{ completeJob: { accepted: boolean } }>(
      'mutation($id: ID!) { completeJob(id: $id) { accepted } }',
      { id: jobId },
    );
    expect(second.data?.completeJob.accepted).toBe(false);
    late.close();
    expect(replacement.output().match(new RegExp(`"jobId":"${jobId}".*"msg":"job ended"`, 'g'))).toHaveLength(1);
    await replacement.stop();
  });

  it('refuses a revoked credential, closes the live link at once, and the agent exits 3', async () => {
    const { id, token } = await register('revoked');
    const agent = agentFor(clusterA, 'revoked', { enrollmentToken: token });
    await waitFor(async () => (await clusterState(id)).status === 'Connected', { what: 'revoked agent connected' });
    const credential = (await new FileCredentialStore(agent.credentialFile).load())?.credential as string;
    await admin('mutation($id: ID!) { renewClusterEnrollment(id: $id) { expiresAt } }', { id });
    expect(await agent.exited).toBe(3);
    expect(agent.output()).toMatch(/the hub refused this agent: the cluster was deleted or its credential replaced/);
    await waitFor(async () => (await clusterState(id)).status === 'Disconnected', { what: 'the cluster to show Disconnected' });
    const refusal = await ProtocolAgent.refused({ hubUrl: hub.url, credential });
    expect(refusal.code).toBe(agentCloseCodes.credentialRefused);
    expect(refusal.reason).toMatch(/credential is not valid/);
  });

  it('refuses an agent of another protocol version with a reason', async () => {
    const refusal = await ProtocolAgent.refused({ hubUrl: hub.url, protocolVersion: 99 });
    expect(refusal.code).toBe(agentCloseCodes.incompatibleProtocol);
    expect(refusal.reason).toMatch(/agent protocol 99 is not supported; this hub speaks 1/);
  });

  it('survives a hub restart: agents reconnect and a job queued meanwhile is not lost', async () => {
    const { adminToken, dataDir, databaseUrl, masterKey } = hub;
    const port = Number(new URL(hub.url).port);
    await hub.stop();
    // A stopping hub marks the clusters whose agents it held as disconnected, before its database closes.
    const { DatabaseSync } = await import('node:sqlite');
    const db = new DatabaseSync(join(dataDir, 'fleetback.sqlite'));
    const rows = db.prepare('select connected from clusters where id in (?, ?)').all(enrolled.a.id, enrolled.b.id);
    db.close();
    expect(rows.map((r) => Number(r.connected))).toEqual([0, 0]);
    hub = await startTestHub({ database: 'sqlite', world, reuse: { adminToken, dataDir, databaseUrl, masterKey, port } });
    const location = await filesystemLocation('after-restart', mkdtempSync(join(tmpdir(), 'fleetback-location-')));
    const jobId = await validate(location, enrolled.b.id);
    const done = await waitFor(async () => ((j) => (ended(j.phase) ? j : undefined))(await job(jobId)), {
      what: 'the job queued across the restart',
      timeoutMs: 90_000,
    });
    expect(done.phase).toBe('Succeeded');
    for (const key of ['a', 'b'] as const) {
      const agent = enrolled[key].agent as TestAgent;
      await waitFor(async () => (agent.output().match(/"msg":"connected to the hub"/g)?.length ?? 0) >= 2, {
        what: `agent ${key} to reconnect`,
        timeoutMs: 90_000,
        abortIf: () => exitedCheck(agent),
      });
      await waitFor(async () => (await clusterState(enrolled[key].id)).status === 'Connected', {
        what: `cluster ${key} connected`,
      });
    }
  });
});

function exitedCheck(agent: TestAgent | undefined): void {
  if (agent && agent.process.exitCode !== null) {
    throw new Error(`the agent exited ${agent.process.exitCode}:\n${agent.output().slice(-3000)}`);
  }
}
