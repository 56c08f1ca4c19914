import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { databasesOf } from '../kit/databases.ts';
import { startTestHub, type TestHub } from '../kit/startTestHub.ts';
import { fetchIdpToken } from '../world/idp/fetchIdpToken.ts';

const world = inject('world');
const idp = world.idp;
const usersQuery = 'query($t: ID) { users(tenantId: $t) { edges { node { subject email groups } } } }';

describe.skipIf(!idp).each(databasesOf(world))('the users directory on %s', (database) => {
  let hub: TestHub;
  let tenantId = '';
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    hub = await startTestHub({ database, world, oidc: true });
    const admin = hub.adminToken;
    const tenant = await hub.gql<{ createTenant: { id: string } }>(admin, 'mutation { createTenant(input: { name: "shop" }) { id } }');
    tenantId = tenant.data?.createTenant.id ?? '';
    const bind = (kind: string, subject: string, role: string) =>
      hub.gql(admin, `mutation($t: ID!, $s: String!) { createRoleBinding(input: { tenantId: $t, subjectKind: ${kind}, subject: $s, role: ${role} }) { id } }`, {
        t: tenantId,
        s: subject,
      });
    await bind('group', 'tenant-a-operators', 'operator');
    await bind('user', 'u-carol', 'admin');
    for (const user of ['bob', 'carol', 'dave']) {
      tokens[user] = (await fetchIdpToken(idp as NonNullable<typeof idp>, user)).accessToken;
      // Signing in is what puts a user in the directory.
      await hub.gql(tokens[user], '{ me { kind } }');
    }
  });
  afterAll(() => hub?.stop());

  it("lists the users a tenant's bindings reach, by subject or by group", async () => {
    const result = await hub.gql<{ users: { edges: { node: { subject: string; groups: string[] } }[] } }>(tokens.carol, usersQuery, {
      t: tenantId,
    });
    expect(result.errors).toBeUndefined();
    expect(result.data?.users.edges.map((e) => e.node)).toEqual([
      { subject: 'u-bob', email: 'bob@example.test', groups: ['tenant-a-operators'] },
      { subject: 'u-carol', email: 'carol@example.test', groups: ['tenant-b-viewers'] },
    ]);
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
