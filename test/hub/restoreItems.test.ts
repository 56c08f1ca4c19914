import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { BackupEntity } from '../../hub/src/backups/BackupEntity.ts';
import type { RestoreItemWire } from '#schema/agent/RestoreItemReport';
import { databasesOf } from '../kit/databases.ts';
import { ProtocolAgent } from '../kit/ProtocolAgent.ts';
import { aBackup } from '../kit/seedCatalog.ts';
import { type SeedableHub, startSeedableHub } from '../kit/startSeedableHub.ts';

// Each restore item's outcome, as an agent reports it over the agent link and a user reads it back through
// `Restore.items`: batches stored once however often delivered, scoped to the agent's own cluster and to
// the users who may read the restore.
const world = inject('world');

const report =
  'mutation($id: ID!, $a: Int!, $i: [RestoreItemInput!]!) { reportRestoreItems(id: $id, attempt: $a, items: $i) { stored stop reason } }';
const itemsQuery =
  'query($id: ID!, $first: Int, $after: String, $r: RestoreItemResult, $ns: String, $t: String) { restore(id: $id) { itemCounts { created updated skipped failed } items(first: $first, after: $after, result: $r, namespace: $ns, type: $t) { totalCount edges { node { index type namespace name result reason error uid } } pageInfo { hasNextPage endCursor } } } }';

type Answer = { reportRestoreItems: { stored: number; stop: boolean; reason: string | null } };
interface ItemNode {
  index: number;
  type: string;
  namespace: string | null;
  name: string;
  result: string;
  reason: string | null;
  error: string | null;
  uid: string | null;
}
interface ItemsPage {
  restore: {
    itemCounts: Record<'created' | 'updated' | 'skipped' | 'failed', number>;
    items: { totalCount: number; edges: { node: ItemNode }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } };
  };
}

const results = ['created', 'updated', 'skipped', 'failed'] as const;

/** Items `from`…`to - 1`: every third a namespace, results cycling created, updated, skipped, failed. */
function itemsOf(from: number, to: number, prefix = 'obj'): RestoreItemWire[] {
  return Array.from({ length: to - from }, (_, k) => {
    const index = from + k;
    const result = results[index % 4] as (typeof results)[number];
    return {
      index,
      type: index % 3 === 0 ? 'namespaces' : 'configmaps',
      namespace: index % 3 === 0 ? null : 'shop',
      name: `${prefix}-${index}`,
      result,
      uid: result === 'created' || result === 'updated' ? `uid-${index}` : null,
      reason: result === 'skipped' ? 'it exists and the policy is skip' : null,
      error: result === 'failed' ? 'admission webhook denied it' : null,
    };
  });
}

describe.each(databasesOf(world))('restore items on %s', (database) => {
  let hub: SeedableHub;
  let tenantA: string;
  let a1: string;
  let a2: string;
  let locationId: string;
  let agentA1: ProtocolAgent;
  let agentA2: ProtocolAgent;
  let credentialA1: string;
  let viewerA: string;
  let narrowedToA2: string;
  let operatorB: string;

  const must = async <T>(token: string, query: string, variables?: object): Promise<T> => {
    const r = await hub.gql<T>(token, query, variables);
    if (r.errors) throw new Error(JSON.stringify(r.errors));
    return r.data as T;
  };
  const admin = <T>(query: string, variables?: object) => must<T>(hub.adminToken, query, variables);

  async function tokenOf(tenantId: string, role: string, clusterIds: string[] = []): Promise<string> {
    const data = await admin<{ createApiToken: { token: string } }>(
      `mutation($t: ID!, $c: [ID!]!) { createApiToken(input: { tenantId: $t, name: "t-${role}-${clusterIds.length}", role: ${role}, clusterIds: $c }) { token } }`,
      { t: tenantId, c: clusterIds },
    );
    return data.createApiToken.token;
  }

  async function enrolledCluster(tenantId: string, name: string): Promise<{ id: string; credential: string }> {
    const data = await admin<{ registerCluster: { cluster: { id: string }; enrollmentToken: string } }>(
      'mutation($t: ID!, $n: String!) { registerCluster(input: { tenantId: $t, name: $n }) { cluster { id } enrollmentToken } }',
      { t: tenantId, n: name },
    );
    const enrolling = await ProtocolAgent.connect({ hubUrl: hub.url });
    const enrolled = await enrolling.request<{ enroll: { credential: string } }>(
      'mutation($t: String!) { enroll(token: $t) { credential } }',
      { t: data.registerCluster.enrollmentToken },
    );
    enrolling.close();
    return { id: data.registerCluster.cluster.id, credential: enrolled.data?.enroll.credential as string };
  }

  async function connect(credential: string): Promise<ProtocolAgent> {
    const agent = await ProtocolAgent.connect({ hubUrl: hub.url, credential });
    agent.subscribeJobs();
    return agent;
  }

  /** A restore of a finished backup into a1, its job offered to and taken by a1's agent. */
  async function runningRestore(): Promise<{ restoreId: string; jobId: string }> {
    const backupId = await aBackup(tenantA, a1).insert(hub.orm);
    await hub.orm.em.fork().nativeUpdate(BackupEntity, { id: backupId }, { locationId }, { filters: false });
    const created = await admin<{ createRestore: { id: string } }>(
      'mutation($b: ID!, $c: ID!) { createRestore(input: { backupId: $b, targetClusterId: $c }) { id } }',
      { b: backupId, c: a1 },
    );
    const restoreId = created.createRestore.id;
    const jobs = await admin<{ jobs: { edges: { node: { id: string } }[] } }>(
      'query($s: ID!) { jobs(filter: { subjectId: $s }) { edges { node { id } } } }',
      { s: restoreId },
    );
    const jobId = jobs.jobs.edges[0]?.node.id as string;
    await agentA1.nextEvent((e) => e.jobId === jobId && e.type === 'Offer');
    const ack = await agentA1.request<{ ackJob: { run: boolean } }>('mutation($id: ID!) { ackJob(id: $id) { run } }', {
      id: jobId,
    });
    expect(ack.data?.ackJob.run).toBe(true);
    return { restoreId, jobId };
  }

  async function send(agent: ProtocolAgent, jobId: string, attempt: number, items: RestoreItemWire[]) {
    return agent.request<Answer>(report, { id: jobId, a: attempt, i: items });
  }

  async function stored(agent: ProtocolAgent, jobId: string, attempt: number, items: RestoreItemWire[]) {
    const answer = await send(agent, jobId, attempt, items);
    if (answer.errors) throw new Error(JSON.stringify(answer.errors));
    return answer.data?.reportRestoreItems;
  }

  const page = (token: string, variables: Record<string, unknown>) => must<ItemsPage>(token, itemsQuery, variables);

  beforeAll(async () => {
    hub = await startSeedableHub({ database, world });
    const tenant = async (name: string) =>
      (await admin<{ createTenant: { id: string } }>(`mutation { createTenant(input: { name: "${name}" }) { id } }`))
        .createTenant.id;
    tenantA = await tenant('items-a');
    const tenantB = await tenant('items-b');
    const cluster1 = await enrolledCluster(tenantA, 'a1');
    const cluster2 = await enrolledCluster(tenantA, 'a2');
    a1 = cluster1.id;
    a2 = cluster2.id;
    credentialA1 = cluster1.credential;
    const location = await admin<{ createBackupLocation: { id: string } }>(
      'mutation($t: ID!) { createBackupLocation(input: { tenantId: $t, name: "fs", filesystem: { path: "/backups" } }) { id } }',
      { t: tenantA },
    );
    locationId = location.createBackupLocation.id;
    viewerA = await tokenOf(tenantA, 'viewer');
    narrowedToA2 = await tokenOf(tenantA, 'admin', [a2]);
    operatorB = await tokenOf(tenantB, 'operator');
    agentA1 = await connect(credentialA1);
    agentA2 = await connect(cluster2.credential);
  });
  afterAll(async () => {
    agentA1?.close();
    agentA2?.close();
    await hub?.stop();
  });

  describe('one restore reported in two batches', () => {
    let restoreId: string;
    let jobId: string;
    beforeAll(async () => {
      ({ restoreId, jobId } = await runningRestore());
      expect(await stored(agentA1, jobId, 1, itemsOf(0, 6))).toEqual({ stored: 6, stop: false, reason: null });
      expect(await stored(agentA1, jobId, 1, itemsOf(6, 10))).toEqual({ stored: 4, stop: false, reason: null });
    });

    it('stores every item and pages through them in the order they were applied', async () => {
      const seen: ItemNode[] = [];
      let after: string | null = null;
      for (;;) {
        const data: ItemsPage = await page(viewerA, { id: restoreId, first: 4, after });
        expect(data.restore.items.totalCount).toBe(10);
        seen.push(...data.restore.items.edges.map((e) => e.node));
        if (!data.restore.items.pageInfo.hasNextPage) break;
        after = data.restore.items.pageInfo.endCursor;
      }
      expect(seen.map((n) => n.index)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
      expect(seen.slice(0, 4)).toEqual([
        { index: 0, type: 'namespaces', namespace: null, name: 'obj-0', result: 'created', reason: null, error: null, uid: 'uid-0' },
        { index: 1, type: 'configmaps', namespace: 'shop', name: 'obj-1', result: 'updated', reason: null, error: null, uid: 'uid-1' },
        { index: 2, type: 'configmaps', namespace: 'shop', name: 'obj-2', result: 'skipped', reason: 'it exists and the policy is skip', error: null, uid: null },
        { index: 3, type: 'namespaces', namespace: null, name: 'obj-3', result: 'failed', reason: null, error: 'admission webhook denied it', uid: null },
      ]);
      const counts = await page(viewerA, { id: restoreId });
      expect(counts.restore.itemCounts).toEqual({ created: 3, updated: 3, skipped: 2, failed: 2 });
    });

    it('filters by result, target namespace and type', async () => {
      const indexes = async (filter: Record<string, unknown>) =>
        (await page(viewerA, { id: restoreId, ...filter })).restore.items.edges.map((e) => e.node.index);
      expect(await indexes({ r: 'failed' })).toEqual([3, 7]);
      expect(await indexes({ r: 'created', ns: 'shop' })).toEqual([4, 8]);
      expect(await indexes({ t: 'namespaces' })).toEqual([0, 3, 6, 9]);
      const failed = await page(viewerA, { id: restoreId, r: 'failed', first: 1 });
      expect(failed.restore.items.totalCount).toBe(2);
      expect(failed.restore.items.pageInfo.hasNextPage).toBe(true);
    });

    it('stores a redelivered batch once', async () => {
      expect(await stored(agentA1, jobId, 1, itemsOf(6, 10))).toEqual({ stored: 0, stop: false, reason: null });
      expect(await stored(agentA1, jobId, 1, itemsOf(8, 12))).toEqual({ stored: 2, stop: false, reason: null });
      expect((await page(viewerA, { id: restoreId })).restore.items.totalCount).toBe(12);
    });

    it("refuses another cluster's agent as NOT_FOUND, storing nothing", async () => {
      const answer = await send(agentA2, jobId, 1, itemsOf(12, 13));
      expect(answer.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
      expect(answer.data ?? null).toBeNull();
      expect((await page(viewerA, { id: restoreId })).restore.items.totalCount).toBe(12);
    });

    it('refuses malformed batches, naming the field', async () => {
      const refused = async (attempt: number, items: RestoreItemWire[], field: string, id = jobId) => {
        const answer = await send(agentA1, id, attempt, items);
        expect(answer.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
        expect(answer.data ?? null).toBeNull();
      };
      await refused(1, itemsOf(100, 601), 'items');
      await refused(1, [], 'items');
      await refused(1, [...itemsOf(20, 21), ...itemsOf(20, 21)], 'items[1].index');
      await refused(1, [{ ...(itemsOf(20, 21)[0] as RestoreItemWire), result: 'deleted' }], 'items[0].result');
      await refused(1, [{ ...(itemsOf(20, 21)[0] as RestoreItemWire), name: '' }], 'items[0].name');
      await refused(1, [{ ...(itemsOf(20, 21)[0] as RestoreItemWire), uid: null }], 'items[0].uid');
      await refused(0, itemsOf(20, 21), 'attempt');
      await refused(9, itemsOf(20, 21), 'attempt');
      const validation = await admin<{ validateBackupLocation: { id: string } }>(
        'mutation($l: ID!, $c: ID!) { validateBackupLocation(id: $l, clusterId: $c) { id } }',
        { l: locationId, c: a1 },
      );
      const otherJob = validation.validateBackupLocation.id;
      await agentA1.nextEvent((e) => e.jobId === otherJob);
      await refused(1, itemsOf(20, 21), 'id', otherJob);
      expect((await page(viewerA, { id: restoreId })).restore.items.totalCount).toBe(12);
    });

    it('shows neither the restore nor its items to a user of another tenant or of another cluster', async () => {
      for (const token of [operatorB, narrowedToA2]) {
        const one = await hub.gql(token, itemsQuery, { id: restoreId });
        expect(['NOT_FOUND', 'FORBIDDEN']).toContain(one.errors?.[0]?.extensions?.code);
        expect(one.data ?? null).toBeNull();
        const list = await must<{ restores: { edges: { node: { id: string } }[] } }>(
          token,
          '{ restores(first: 100) { edges { node { id items(first: 1) { totalCount } } } } }',
        );
        expect(list.restores.edges.map((e) => e.node.id)).not.toContain(restoreId);
      }
    });

    it('takes no more items once the job has ended, and tells the agent to stop', async () => {
      const outcome = { phase: 'PartiallyFailed', countsByKind: { configmaps: 6 }, bytes: 0, warnings: [], errors: ['x'] };
      const completed = await agentA1.request<{ completeJob: { accepted: boolean } }>(
        'mutation($id: ID!, $o: String) { completeJob(id: $id, outcome: $o) { accepted } }',
        { id: jobId, o: JSON.stringify(outcome) },
      );
      expect(completed.data?.completeJob.accepted).toBe(true);
      const late = await stored(agentA1, jobId, 1, itemsOf(12, 14));
      expect(late).toMatchObject({ stored: 0, stop: true });
      expect(late?.reason).toMatch(/ended: Succeeded/);
      const after = await must<{ restore: { phase: string; items: { totalCount: number } } }>(
        viewerA,
        'query($id: ID!) { restore(id: $id) { phase items { totalCount } } }',
        { id: restoreId },
      );
      expect(after.restore).toEqual({ phase: 'PartiallyFailed', items: { totalCount: 12 } });
    });
  });

  it("keeps the record of one run: a later delivery's items replace an earlier one's", async () => {
    const { restoreId, jobId } = await runningRestore();
    expect(await stored(agentA1, jobId, 1, itemsOf(0, 4, 'first'))).toMatchObject({ stored: 4 });
    // The agent reconnects: every unfinished job of its cluster is offered again, this one as delivery 2.
    agentA1.close();
    agentA1 = await connect(credentialA1);
    await agentA1.nextEvent((e) => e.jobId === jobId && e.attempt === 2);
    expect(await stored(agentA1, jobId, 2, itemsOf(0, 2, 'second'))).toMatchObject({ stored: 2 });
    // A late batch of the superseded delivery is dropped.
    expect(await stored(agentA1, jobId, 1, itemsOf(4, 6, 'first'))).toMatchObject({ stored: 0, stop: false });
    const data = await page(viewerA, { id: restoreId });
    expect(data.restore.items.edges.map((e) => e.node.name)).toEqual(['second-0', 'second-1']);
  });

  it("stores an agent's outcome of 25,000 warnings bounded, saying how many were left out", async () => {
    const { restoreId, jobId } = await runningRestore();
    const warnings = Array.from({ length: 25_000 }, (_, i) => `item ${i} skipped: ${'x'.repeat(300)}`);
    const outcome = { phase: 'Completed', countsByKind: { configmaps: 1 }, bytes: 0, warnings, errors: [] };
    const completed = await agentA1.request<{ completeJob: { accepted: boolean } }>(
      'mutation($id: ID!, $o: String) { completeJob(id: $id, outcome: $o) { accepted } }',
      { id: jobId, o: JSON.stringify(outcome) },
    );
    expect(completed.data?.completeJob.accepted).toBe(true);
    const after = await must<{ restore: { result: { warnings: string[] } } }>(
      viewerA,
      'query($id: ID!) { restore(id: $id) { result { warnings } } }',
      { id: restoreId },
    );
    expect(after.restore.result.warnings).toHaveLength(1_000);
    expect(after.restore.result.warnings.at(-1)).toMatch(/and 24001 more warnings not kept/);
  });
});
