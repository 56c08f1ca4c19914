import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { aBackup } from '../kit/seedCatalog.ts';
import { type SeedableHub, startSeedableHub } from '../kit/startSeedableHub.ts';
import { startTestHub, type TestHub } from '../kit/startTestHub.ts';

// What the web console reads from the public API beyond the other domains' fields: how to sign in (asked
// before anyone is signed in) and each cluster's last good backup.
const world = inject('world');

const signInQuery = '{ signInOptions { oidcIssuer oidcClientId oidcAudience oidcScopes } }';

describe('signInOptions', () => {
  let hub: TestHub;
  beforeAll(async () => {
    hub = await startTestHub({ database: 'sqlite', world });
  });
  afterAll(() => hub?.stop());

  it('tells a caller without a token that this hub signs in with tokens only', async () => {
    const result = await hub.gql(undefined, signInQuery);
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({
      signInOptions: { oidcIssuer: null, oidcClientId: null, oidcAudience: null, oidcScopes: null },
    });
  });

  it('answers signed-in callers too, and nothing else without a token', async () => {
    expect((await hub.gql(hub.adminToken, signInQuery)).errors).toBeUndefined();
    const sneaky = await hub.gql(undefined, '{ signInOptions { oidcIssuer } tenants { totalCount } }');
    expect(sneaky.status).toBe(401);
    expect(sneaky.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const bad = await hub.gql('fbk_admin_wrong', signInQuery);
    expect(bad.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('serves the console (or how to build it) at /, and leaves the API paths alone', async () => {
    const page = await fetch(`${hub.url}/fleet`);
    expect([200, 503]).toContain(page.status);
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(await (await fetch(`${hub.url}/healthz`)).json()).toEqual({ status: 'ok' });
    expect((await fetch(`${hub.url}/metrics`)).headers.get('content-type')).toContain('text/plain');
  });
});

describe.skipIf(!world.idp)('signInOptions with an identity provider', () => {
  let hub: TestHub;
  beforeAll(async () => {
    hub = await startTestHub({ database: 'sqlite', world, oidc: true });
  });
  afterAll(() => hub?.stop());

  it("names the issuer, the console's public client, the audience and the scopes", async () => {
    const idp = world.idp as NonNullable<typeof world.idp>;
    const result = await hub.gql(undefined, signInQuery);
    expect(result.data).toEqual({
      signInOptions: {
        oidcIssuer: idp.issuer,
        oidcClientId: idp.consoleClientId,
        oidcAudience: idp.audience,
        oidcScopes: 'openid profile email',
      },
    });
  });
});

describe('Cluster.lastSuccessfulBackup', () => {
  let hub: SeedableHub;
  let tenantId: string;
  const must = async <T>(query: string, variables?: object): Promise<T> => {
    const result = await hub.gql<T>(hub.adminToken, query, variables);
    if (result.errors) throw new Error(JSON.stringify(result.errors));
    return result.data as T;
  };
  const register = async (name: string) =>
    (
      await must<{ registerCluster: { cluster: { id: string } } }>(
        'mutation($t: ID!, $n: String!) { registerCluster(input: { tenantId: $t, name: $n }) { cluster { id } } }',
        { t: tenantId, n: name },
      )
    ).registerCluster.cluster.id;
  const last = async (id: string) =>
    (
      await must<{ cluster: { lastSuccessfulBackup: { name: string; phase: string } | null } }>(
        'query($id: ID!) { cluster(id: $id) { lastSuccessfulBackup { name phase } } }',
        { id },
      )
    ).cluster.lastSuccessfulBackup;

  beforeAll(async () => {
    hub = await startSeedableHub({ database: 'sqlite', world });
    tenantId = (await must<{ createTenant: { id: string } }>('mutation { createTenant(input: { name: "t" }) { id } }'))
      .createTenant.id;
  });
  afterAll(() => hub?.stop());

  it('is the newest Completed or PartiallyFailed backup, whatever newer ones failed or still run', async () => {
    const id = await register('busy');
    const at = (minutesAgo: number) => new Date(Date.now() - minutesAgo * 60_000);
    await aBackup(tenantId, id).named('oldest').createdAtTime(at(300)).insert(hub.orm);
    await aBackup(tenantId, id).named('partial').inPhase('PartiallyFailed').createdAtTime(at(120)).insert(hub.orm);
    await aBackup(tenantId, id).named('failed').inPhase('Failed').createdAtTime(at(60)).insert(hub.orm);
    await aBackup(tenantId, id).named('running').inPhase('Running').createdAtTime(at(5)).insert(hub.orm);
    expect(await last(id)).toEqual({ name: 'partial', phase: 'PartiallyFailed' });
    await aBackup(tenantId, id).named('newest').createdAtTime(at(1)).insert(hub.orm);
    expect(await last(id)).toEqual({ name: 'newest', phase: 'Completed' });
  });

  it('is null for a cluster without a successful backup, and for each cluster its own', async () => {
    const empty = await register('empty');
    await aBackup(tenantId, empty).named('only-failed').inPhase('Failed').insert(hub.orm);
    expect(await last(empty)).toBeNull();
    const list = await must<{ clusters: { edges: { node: { name: string; lastSuccessfulBackup: { name: string } | null } }[] } }>(
      '{ clusters { edges { node { name lastSuccessfulBackup { name } } } } }',
    );
    expect(list.clusters.edges.map((e) => [e.node.name, e.node.lastSuccessfulBackup?.name ?? null])).toEqual([
      ['busy', 'newest'],
      ['empty', null],
    ]);
  });
});
