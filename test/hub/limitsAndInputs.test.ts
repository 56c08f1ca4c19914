import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { databasesOf } from '../kit/databases.ts';
import { startTestHub, type TestHub } from '../kit/startTestHub.ts';

const world = inject('world');

describe.each(databasesOf(world))('input validation and query limits on %s', (database) => {
  let hub: TestHub;
  let tenantId: string;
  beforeAll(async () => {
    hub = await startTestHub({ database, world });
    const created = await hub.gql<{ createTenant: { id: string } }>(
      hub.adminToken,
      'mutation { createTenant(input: { name: "shop" }) { id } }',
    );
    tenantId = created.data?.createTenant.id ?? '';
  });
  afterAll(() => hub?.stop());

  it('names the field of a bad Kubernetes name', async () => {
    const result = await hub.gql(
      hub.adminToken,
      'mutation($t: ID!) { registerCluster(input: { tenantId: $t, name: "Not_A_Name" }) { enrollmentToken } }',
      { t: tenantId },
    );
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.name' });
    expect(result.data ?? null).toBeNull();
  });

  it('refuses a duplicate name with CONFLICT', async () => {
    const register = () =>
      hub.gql(
        hub.adminToken,
        'mutation($t: ID!) { registerCluster(input: { tenantId: $t, name: "twice" }) { enrollmentToken } }',
        {
          t: tenantId,
        },
      );
    expect((await register()).errors).toBeUndefined();
    expect((await register()).errors?.[0]?.extensions?.code).toBe('CONFLICT');
  });

  it('refuses a page size out of range', async () => {
    const result = await hub.gql(hub.adminToken, '{ clusters(first: 5000) { totalCount } }');
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
  });

  it('refuses a malformed cursor', async () => {
    const result = await hub.gql(hub.adminToken, '{ clusters(after: "garbage!") { totalCount } }');
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
  });

  it('pages through clusters with stable cursors', async () => {
    for (const name of ['p1', 'p2', 'p3']) {
      await hub.gql(
        hub.adminToken,
        'mutation($t: ID!, $n: String!) { registerCluster(input: { tenantId: $t, name: $n }) { enrollmentToken } }',
        {
          t: tenantId,
          n: name,
        },
      );
    }
    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const page: {
        data?: {
          clusters: {
            edges: { node: { name: string } }[];
            pageInfo: { hasNextPage: boolean; endCursor: string | null };
          };
        } | null;
      } = await hub.gql(
        hub.adminToken,
        'query($a: String) { clusters(first: 2, after: $a) { edges { node { name } } pageInfo { hasNextPage endCursor } } }',
        {
          a: after,
        },
      );
      seen.push(...(page.data?.clusters.edges.map((e) => e.node.name) ?? []));
      if (!page.data?.clusters.pageInfo.hasNextPage) break;
      after = page.data.clusters.pageInfo.endCursor;
    }
    expect(seen).toEqual(['p1', 'p2', 'p3', 'twice']);
  });

  it('refuses an operation whose estimated cost is over the limit', async () => {
    const page = 'clusters(first: 500) { edges { node { id name labels { key value } } } }';
    const aliases = Array.from({ length: 8 }, (_, i) => `p${i}: ${page}`).join(' ');
    const result = await hub.gql(hub.adminToken, `{ ${aliases} }`);
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0]?.message).toMatch(/estimated cost/);
    expect(result.data ?? null).toBeNull();
  });
});
