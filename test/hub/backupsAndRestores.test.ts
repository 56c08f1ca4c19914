import { randomUUID } from 'node:crypto';
import { createClient } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { WebSocket } from 'ws';
import { databasesOf } from '../kit/databases.ts';
import { aBackup } from '../kit/seedCatalog.ts';
import { type SeedableHub, startSeedableHub } from '../kit/startSeedableHub.ts';

const world = inject('world');

interface Node {
  id: string;
  name: string;
  phase: string;
}
type BackupPage = {
  backups: {
    totalCount: number;
    edges: { node: Node }[];
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
};

const createBackup =
  'mutation($input: CreateBackupInput!) { createBackup(input: $input) { id name phase expiresAt } }';
const createRestore =
  'mutation($input: CreateRestoreInput!) { createRestore(input: $input) { id phase targetClusterId sourceClusterId } }';
const backupsQuery =
  'query($f: BackupFilter, $first: Int, $a: String) { backups(filter: $f, first: $first, after: $a) { totalCount edges { node { id name phase } } pageInfo { hasNextPage endCursor } } }';
const jobsOf =
  'query($s: ID!) { jobs(filter: { subjectId: $s }) { edges { node { id kind phase clusterId } } } }';

describe.each(databasesOf(world))('backups, restores and jobs on %s', (database) => {
  let hub: SeedableHub;
  let operator: string;
  let tenantA: string;
  let tenantB: string;
  let a1: string;
  let a2: string;
  let b1: string;

  const must = async <T>(token: string, query: string, variables?: object): Promise<T> => {
    const r = await hub.gql<T>(token, query, variables);
    if (r.errors) throw new Error(JSON.stringify(r.errors));
    return r.data as T;
  };

  beforeAll(async () => {
    hub = await startSeedableHub({ database, world });
    const admin = hub.adminToken;
    const tenant = async (name: string) =>
      (
        await must<{ createTenant: { id: string } }>(
          admin,
          `mutation { createTenant(input: { name: "${name}" }) { id } }`,
        )
      ).createTenant.id;
    const cluster = async (t: string, n: string) =>
      (
        await must<{ registerCluster: { cluster: { id: string } } }>(
          admin,
          'mutation($t: ID!, $n: String!) { registerCluster(input: { tenantId: $t, name: $n }) { cluster { id } } }',
          { t, n },
        )
      ).registerCluster.cluster.id;
    tenantA = await tenant('tenant-a');
    tenantB = await tenant('tenant-b');
    a1 = await cluster(tenantA, 'a1');
    a2 = await cluster(tenantA, 'a2');
    b1 = await cluster(tenantB, 'b1');
    operator = (
      await must<{ createApiToken: { token: string } }>(
        admin,
        'mutation($t: ID!) { createApiToken(input: { tenantId: $t, name: "ops", role: operator }) { token } }',
        { t: tenantA },
      )
    ).createApiToken.token;
  });
  afterAll(() => hub?.stop());

  it.each([
    [{ labelSelectors: ['app=web', 'app in ()'] }, 'input.labelSelectors[1]'],
    [{ includeResources: ['Deployments'] }, 'input.includeResources[0]'],
    [{ includeNamespaces: ['shop'], excludeNamespaces: ['shop'] }, 'input.includeNamespaces'],
    [{ ttl: 'forever' }, 'input.ttl'],
    [{ name: 'Not_A_Name' }, 'input.name'],
    [{ labels: [{ key: 'bad key', value: 'x' }] }, 'input.labels.bad key'],
  ])('refuses the invalid spec %j naming the field', async (extra, field) => {
    const result = await hub.gql(operator, createBackup, {
      input: { clusterId: a1, locationId: randomUUID(), ...extra },
    });
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(result.data ?? null).toBeNull();
  });

  it('refuses a location that is not the tenant’s, and a cluster of another tenant', async () => {
    const location = await hub.gql(operator, createBackup, {
      input: { clusterId: a1, locationId: randomUUID() },
    });
    expect(location.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const cluster = await hub.gql(operator, createBackup, {
      input: { clusterId: b1, locationId: randomUUID() },
    });
    expect(cluster.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('createBackup catalogs a Pending backup with a Queued backup job', async () => {
    const location = await must<{ createBackupLocation: { id: string } }>(
      hub.adminToken,
      'mutation($t: ID!) { createBackupLocation(input: { tenantId: $t, name: "primary", filesystem: { path: "/backups" } }) { id } }',
      { t: tenantA },
    );
    const locationId = location.createBackupLocation.id;
    const created = await must<{ createBackup: Node & { expiresAt: string } }>(operator, createBackup, {
      // Cluster a2, so the list tests below on a1 see only their own seeded backups.
      input: { clusterId: a2, locationId, namePrefix: 'nightly', labelSelectors: ['app=web'], ttl: '1h' },
    });
    expect(created.createBackup.phase).toBe('Pending');
    expect(created.createBackup.name).toMatch(/^nightly-\d{8}-\d{6}-\d{3}$/);
    const jobs = await must<{
      jobs: { edges: { node: { kind: string; phase: string; clusterId: string } }[] };
    }>(operator, jobsOf, { s: created.createBackup.id });
    expect(jobs.jobs.edges.map((e) => e.node)).toMatchObject([
      { kind: 'backup', phase: 'Queued', clusterId: a2 },
    ]);
  });

  describe('lists', () => {
    const ids: Record<string, string> = {};
    const t0 = Date.parse('2026-01-01T00:00:00Z');
    beforeAll(async () => {
      const at = (minutes: number) => new Date(t0 + minutes * 60_000);
      // Two rows share a creation time, so the tie-breaker (id) decides their order.
      ids.old = await aBackup(tenantA, a1).named('old').createdAtTime(at(0)).insert(hub.orm);
      ids.failed = await aBackup(tenantA, a1)
        .named('failed')
        .inPhase('Failed')
        .createdAtTime(at(10))
        .insert(hub.orm);
      ids.twinA = await aBackup(tenantA, a1)
        .named('twin-a')
        .withLabels({ tier: 'db' })
        .createdAtTime(at(20))
        .insert(hub.orm);
      ids.twinB = await aBackup(tenantA, a1)
        .named('twin-b')
        .withLabels({ tier: 'db' })
        .createdAtTime(at(20))
        .insert(hub.orm);
      ids.partial = await aBackup(tenantA, a1)
        .named('partial')
        .inPhase('PartiallyFailed')
        .createdAtTime(at(30))
        .insert(hub.orm);
      ids.newest = await aBackup(tenantA, a1)
        .named('newest')
        .withLabels({ tier: 'web' })
        .createdAtTime(at(40))
        .insert(hub.orm);
      ids.other = await aBackup(tenantA, a2).named('other').createdAtTime(at(25)).insert(hub.orm);
      ids.foreign = await aBackup(tenantB, b1).named('foreign').createdAtTime(at(15)).insert(hub.orm);
    });
    const names = (page: BackupPage) => page.backups.edges.map((e) => e.node.name);

    it('filters by cluster, phase, labels, name and time range', async () => {
      const list = (f: object) => must<BackupPage>(operator, backupsQuery, { f: { clusterId: a1, ...f } });
      // Equal times: the larger id comes first, as the list sorts by (createdAt, id) descending.
      const twins = [
        ['twin-a', ids.twinA as string],
        ['twin-b', ids.twinB as string],
      ]
        .sort(([, x], [, y]) => ((x as string) < (y as string) ? 1 : -1))
        .map(([n]) => n);
      expect(names(await list({}))).toEqual(['newest', 'partial', ...twins, 'failed', 'old']);
      expect(names(await list({ phases: ['Failed', 'PartiallyFailed'] }))).toEqual(['partial', 'failed']);
      expect(names(await list({ labels: [{ key: 'tier', value: 'db' }] }))).toEqual(twins);
      expect(names(await list({ nameContains: 'twin' }))).toEqual(twins);
      const window = {
        createdAfter: new Date(t0 + 10 * 60_000).toISOString(),
        createdBefore: new Date(t0 + 30 * 60_000).toISOString(),
      };
      expect(names(await list(window))).toEqual([...twins, 'failed']);
    });

    it('never shows another tenant’s backups', async () => {
      const all = await must<BackupPage>(operator, backupsQuery, { f: null, first: 500 });
      expect(names(all)).not.toContain('foreign');
      expect(names(all)).toContain('other');
      const one = await hub.gql(operator, 'query($id: ID!) { backup(id: $id) { id } }', { id: ids.foreign });
      expect(one.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    });

    it('pages stably, with ties broken by id and no row seen twice', async () => {
      const whole = names(
        await must<BackupPage>(operator, backupsQuery, { f: { clusterId: a1 }, first: 500 }),
      );
      const seen: string[] = [];
      let after: string | null = null;
      for (;;) {
        const page: BackupPage = await must<BackupPage>(operator, backupsQuery, {
          f: { clusterId: a1 },
          first: 2,
          a: after,
        });
        seen.push(...names(page));
        if (!page.backups.pageInfo.hasNextPage) break;
        after = page.backups.pageInfo.endCursor;
        // A backup created meanwhile is newer than every cursor and so never shifts later pages.
        if (seen.length === 2) await aBackup(tenantA, a1).named('late').insert(hub.orm);
      }
      expect(seen).toEqual(whole.filter((n) => n !== 'late'));
    });

    it('restores into another cluster of the tenant, never into another tenant’s', async () => {
      const restored = await must<{
        createRestore: { phase: string; targetClusterId: string; sourceClusterId: string; id: string };
      }>(operator, createRestore, {
        input: {
          backupId: ids.old,
          targetClusterId: a2,
          namespaceMapping: [{ from: 'shop', to: 'shop-copy' }],
          existingResourcePolicy: 'update',
        },
      });
      expect(restored.createRestore).toMatchObject({
        phase: 'Pending',
        targetClusterId: a2,
        sourceClusterId: a1,
      });
      const jobs = await must<{
        jobs: { edges: { node: { kind: string; phase: string; clusterId: string } }[] };
      }>(operator, jobsOf, { s: restored.createRestore.id });
      expect(jobs.jobs.edges.map((e) => e.node)).toMatchObject([
        { kind: 'restore', phase: 'Queued', clusterId: a2 },
      ]);
      for (const token of [operator, hub.adminToken]) {
        const foreign = await hub.gql(token, createRestore, {
          input: { backupId: ids.old, targetClusterId: b1 },
        });
        expect(foreign.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
        expect(foreign.data ?? null).toBeNull();
      }
    });

    it('restores only the cluster-scoped objects the restored namespaces need unless asked for more (clusterScoped)', async () => {
      const withSpec = 'mutation($input: CreateRestoreInput!) { createRestore(input: $input) { spec { clusterScoped } } }';
      for (const [asked, recorded] of [[undefined, 'auto'], ['none', 'none'], ['all', 'all']] as const) {
        const input = { backupId: ids.old, targetClusterId: a2, dryRun: true, ...(asked ? { clusterScoped: asked } : {}) };
        const restored = await must<{ createRestore: { spec: { clusterScoped: string } } }>(hub.adminToken, withSpec, { input });
        expect(restored.createRestore.spec.clusterScoped).toBe(recorded);
      }
    });

    it('refuses restoring an unfinished backup and names a bad restore field', async () => {
      const failed = await hub.gql(operator, createRestore, {
        input: { backupId: ids.failed, targetClusterId: a1 },
      });
      expect(failed.errors?.[0]?.extensions?.code).toBe('CONFLICT');
      const twice = await hub.gql(operator, createRestore, {
        input: {
          backupId: ids.old,
          targetClusterId: a1,
          namespaceMapping: [
            { from: 'a', to: 'x' },
            { from: 'b', to: 'x' },
          ],
        },
      });
      expect(twice.errors?.[0]?.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'input.namespaceMapping.b',
      });
    });

    it('deleteBackup marks Deleting and queues a deletion that cannot be cancelled', async () => {
      const deleted = await must<{ deleteBackup: Node }>(
        operator,
        'mutation($id: ID!) { deleteBackup(id: $id) { id phase } }',
        { id: ids.partial },
      );
      expect(deleted.deleteBackup.phase).toBe('Deleting');
      const jobs = await must<{ jobs: { edges: { node: { id: string; kind: string; phase: string } }[] } }>(
        operator,
        jobsOf,
        { s: ids.partial },
      );
      const job = jobs.jobs.edges[0]?.node;
      expect(job).toMatchObject({ kind: 'deleteBackup', phase: 'Queued' });
      const cancel = await hub.gql(operator, 'mutation($id: ID!) { cancelJob(id: $id) { phase } }', {
        id: job?.id,
      });
      expect(cancel.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    });

    it('a graphql-ws subscriber sees the job cancelled, and the restore fails with the reason', async () => {
      const restore = await must<{ createRestore: { id: string } }>(operator, createRestore, {
        input: { backupId: ids.newest, targetClusterId: a1 },
      });
      const jobs = await must<{ jobs: { edges: { node: { id: string } }[] } }>(operator, jobsOf, {
        s: restore.createRestore.id,
      });
      const jobId = jobs.jobs.edges[0]?.node.id as string;
      const client = createClient({
        url: `${hub.url.replace('http', 'ws')}/graphql`,
        webSocketImpl: WebSocket,
        connectionParams: { authorization: `Bearer ${operator}` },
      });
      try {
        const updates: { phase: string }[] = [];
        const received = new Promise<void>((resolve, reject) => {
          client.subscribe<{ jobUpdated: { phase: string } }>(
            {
              query: 'subscription($id: ID!) { jobUpdated(id: $id) { id phase } }',
              variables: { id: jobId },
            },
            {
              next: (value) => {
                if (value.errors) reject(new Error(JSON.stringify(value.errors)));
                if (value.data) updates.push(value.data.jobUpdated);
                resolve();
              },
              error: reject,
              complete: () => undefined,
            },
          );
        });
        // The subscribe step loads and authorizes before listening; give it a moment to start listening.
        await new Promise((r) => setTimeout(r, 500));
        await must(operator, 'mutation($id: ID!) { cancelJob(id: $id) { id } }', { id: jobId });
        await received;
        expect(updates[0]).toEqual({ id: jobId, phase: 'Cancelled' });
      } finally {
        await client.dispose();
      }
      const after = await must<{ restore: { phase: string; result: { errors: string[] } } }>(
        operator,
        'query($id: ID!) { restore(id: $id) { phase result { errors } } }',
        { id: restore.createRestore.id },
      );
      expect(after.restore.phase).toBe('Failed');
      expect(after.restore.result.errors[0]).toMatch(/cancelled/);
    });

    it('refuses a subscription without credentials, and one to an object out of scope', async () => {
      const subscribeOnce = (connectionParams: Record<string, string>, id: string) => {
        const client = createClient({
          url: `${hub.url.replace('http', 'ws')}/graphql`,
          webSocketImpl: WebSocket,
          connectionParams,
          retryAttempts: 0,
        });
        return new Promise<unknown>((resolve) => {
          client.subscribe(
            { query: 'subscription($id: ID!) { backupUpdated(id: $id) { id } }', variables: { id } },
            { next: (v) => resolve(v), error: (e) => resolve(e), complete: () => resolve('complete') },
          );
        }).finally(() => client.dispose());
      };
      const anonymous = (await subscribeOnce({}, ids.old as string)) as { code?: number };
      expect(anonymous.code).toBe(4403);
      const foreign = (await subscribeOnce(
        { authorization: `Bearer ${operator}` },
        ids.foreign as string,
      )) as { data?: unknown; errors?: { message: string; extensions?: { code?: string } }[] };
      expect(foreign.errors?.[0]?.message).toMatch(/was not found/);
      expect(foreign.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
      expect(foreign.data ?? null).toBeNull();
    });
  });
});
