import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { databasesOf } from '../kit/databases.ts';
import { startTestHub, type TestHub } from '../kit/startTestHub.ts';
import { fetchIdpToken } from '../world/idp/fetchIdpToken.ts';

const world = inject('world');
const idp = world.idp;
const usersQuery = 'query($t: ID) { users(tenantId: $t) { edges { node { subject email groups lastSeenAt } } } }';
type UsersData = { users: { edges: { node: { subject: string; email: string | null; groups: string[] } }[] } };

describe.skipIf(!idp).each(databasesOf(world))('the users directory on %s', (database) => {
  let hub: TestHub;
  let tenantId = '';
  const tokens: Record<string, string> = {};
  let bind: (kind: string, subject: string, role: string, clusterIds?: string[]) => Promise<unknown>;

  beforeAll(async () => {
    hub = await startTestHub({ database, world, oidc: true });
    const admin = hub.adminToken;
    const tenant = await hub.gql<{ createTenant: { id: string } }>(admin, 'mutation { createTenant(input: { name: "shop" }) { id } }');
    tenantId = tenant.data?.createTenant.id ?? '';
    bind = (kind, subject, role, clusterIds = []) =>
      hub.gql(
        admin,
        `mutation($t: ID!, $s: String!, $c: [ID!]!) { createRoleBinding(input: { tenantId: $t, subjectKind: ${kind}, subject: $s, role: ${role}, clusterIds: $c }) { id } }`,
        { t: tenantId, s: subject, c: clusterIds },
      );
    await bind('group', 'tenant-a-operators', 'operator');
    await bind('user', 'u-carol', 'admin');
    for (const user of ['bob', 'carol', 'dave']) {
      tokens[user] = (await fetchIdpToken(idp as NonNullable<typeof idp>, user)).accessToken;
      // Signing in is what puts a user in the directory.
      await hub.gql(tokens[user], '{ me { kind } }');
    }
  });
  afterAll(() => hub?.stop());

  it("lists the users a tenant's bindings reach, by subject or by group, with only the bound groups", async () => {
    const result = await hub.gql<UsersData>(tokens.carol, usersQuery, { t: tenantId });
    expect(result.errors).toBeUndefined();
    expect(result.data?.users.edges.map((e) => e.node)).toEqual([
      { subject: 'u-bob', email: null, groups: ['tenant-a-operators'], lastSeenAt: null },
      // Carol's own group belongs to another tenant's bindings: not shown.
      { subject: 'u-carol', email: null, groups: [], lastSeenAt: null },
    ]);
  });

  it("binding another tenant's group reveals no member's email, other groups or sign-in", async () => {
    await bind('group', 'tenant-b-viewers', 'viewer');
    const result = await hub.gql<UsersData>(tokens.carol, usersQuery, { t: tenantId });
    const text = JSON.stringify(result.data);
    for (const secret of ['@example.test', 'platform-admins']) expect(text).not.toContain(secret);
    expect(result.data?.users.edges.find((e) => e.node.subject === 'u-carol')?.node.groups).toEqual(['tenant-b-viewers']);
  });

  it('lists to a cluster-narrowed admin only the users of bindings within its narrowing', async () => {
    const cluster = await hub.gql<{ registerCluster: { cluster: { id: string } } }>(
      hub.adminToken,
      'mutation($t: ID!) { registerCluster(input: { tenantId: $t, name: "c1" }) { cluster { id } } }',
      { t: tenantId },
    );
    const c1 = cluster.data?.registerCluster.cluster.id ?? '';
    await bind('user', 'u-dave', 'admin', [c1]);
    const result = await hub.gql<UsersData>(tokens.dave, usersQuery, { t: tenantId });
    expect(result.errors).toBeUndefined();
    expect(result.data?.users.edges.map((e) => e.node.subject)).toEqual(['u-dave']);
  });

  it('lists everyone to a hub administrator, and nobody to an operator', async () => {
    const all = await hub.gql<{ users: { edges: { node: { subject: string } }[] } }>(hub.adminToken, usersQuery, { t: null });
    expect(all.data?.users.edges.map((e) => e.node.subject)).toEqual(['u-bob', 'u-carol', 'u-dave']);
    const operator = await hub.gql(tokens.bob, usersQuery, { t: tenantId });
    expect(operator.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(operator.data ?? null).toBeNull();
    const everyone = await hub.gql(tokens.carol, usersQuery, { t: null });
    expect(everyone.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
