import { createPublicKey, generateKeyPairSync } from 'node:crypto';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { importJWK, type JWK, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { databasesOf } from '../kit/databases.ts';
import { startTestHub, type TestHub, type TestHubStorage } from '../kit/startTestHub.ts';
import { watchJob } from '../kit/watchJob.ts';
import { fetchIdpToken } from '../world/idp/fetchIdpToken.ts';

const world = inject('world');
const idp = world.idp;
const meQuery = '{ me { kind name groups } }';

describe.skipIf(!idp).each(databasesOf(world))('bearer tokens on %s', (database) => {
  let hub: TestHub;
  beforeAll(async () => {
    hub = await startTestHub({ database, world, oidc: true });
  });
  afterAll(() => hub?.stop());

  const key = () => idp?.signingKey as JWK & { kid: string };
  const forge = async (claims: Record<string, unknown>, header: Record<string, unknown> = {}) => {
    const now = Math.floor(Date.now() / 1000);
    return new SignJWT({ groups: ['g'], ...claims })
      .setProtectedHeader({ alg: 'RS256', kid: key().kid, ...header })
      .setIssuer((claims.iss as string) ?? idp?.issuer ?? '')
      .setAudience((claims.aud as string) ?? idp?.audience ?? '')
      .setSubject('forged-user')
      .setIssuedAt(now)
      .setExpirationTime((claims.exp as number) ?? now + 300)
      .sign(await importJWK(key(), 'RS256'));
  };
  const expectRejected = async (token: string | undefined) => {
    const result = await hub.gql(token, meQuery);
    expect(result.status).toBe(401);
    expect(result.data ?? null).toBeNull();
    expect(result.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  };

  it('accepts a real token from the identity provider, with its groups', async () => {
    const { accessToken } = await fetchIdpToken(idp as NonNullable<typeof idp>, 'bob');
    const result = await hub.gql<{ me: { kind: string; groups: string[] } }>(accessToken, meQuery);
    expect(result.errors).toBeUndefined();
    expect(result.data?.me).toMatchObject({ kind: 'user', groups: ['tenant-a-operators'] });
  });

  it('accepts a well-formed token signed with the provider key (the forging works)', async () => {
    const result = await hub.gql(await forge({}), meQuery);
    expect(result.errors).toBeUndefined();
  });

  it('rejects no token', () => expectRejected(undefined));

  it('rejects alg none', async () => {
    const valid = await forge({});
    const [, payload] = valid.split('.');
    const header = Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url');
    await expectRejected(`${header}.${payload}.`);
  });

  it('rejects an HS256 token signed with the public key as the secret', async () => {
    const publicPem = createPublicKey({ key: key(), format: 'jwk' }).export({ type: 'spki', format: 'pem' });
    const now = Math.floor(Date.now() / 1000);
    const token = await new SignJWT({ groups: [] })
      .setProtectedHeader({ alg: 'HS256', kid: key().kid })
      .setIssuer(idp?.issuer ?? '')
      .setAudience(idp?.audience ?? '')
      .setSubject('forged-user')
      .setExpirationTime(now + 300)
      .sign(new TextEncoder().encode(String(publicPem)));
    await expectRejected(token);
  });

  it('rejects an expired token', async () => {
    await expectRejected(await forge({ exp: Math.floor(Date.now() / 1000) - 600 }));
  });

  it('rejects a token that is not yet valid', async () => {
    await expectRejected(await forge({ nbf: Math.floor(Date.now() / 1000) + 600 }));
  });

  it('rejects a wrong issuer', async () => {
    await expectRejected(await forge({ iss: 'http://127.0.0.1:1/other' }));
  });

  it('rejects a wrong audience', async () => {
    await expectRejected(await forge({ aud: 'someone-else' }));
  });

  it('rejects an unknown kid', async () => {
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const token = await new SignJWT({})
      .setProtectedHeader({ alg: 'RS256', kid: 'not-published' })
      .setIssuer(idp?.issuer ?? '')
      .setAudience(idp?.audience ?? '')
      .setSubject('forged-user')
      .setExpirationTime(Math.floor(Date.now() / 1000) + 300)
      .sign(privateKey);
    await expectRejected(token);
  });

  it('rejects a tampered payload', async () => {
    const [header, payload, signature] = (await forge({})).split('.');
    const claims = JSON.parse(Buffer.from(payload ?? '', 'base64url').toString('utf8')) as Record<
      string,
      unknown
    >;
    const tampered = Buffer.from(JSON.stringify({ ...claims, groups: ['platform-admins'] })).toString(
      'base64url',
    );
    await expectRejected(`${header}.${tampered}.${signature}`);
  });

  it('rejects a token valid for ten years', async () => {
    await expectRejected(await forge({ exp: Math.floor(Date.now() / 1000) + 10 * 365 * 86_400 }));
  });

  it('rejects a token issued in the future', async () => {
    const now = Math.floor(Date.now() / 1000);
    const token = await new SignJWT({ groups: [] })
      .setProtectedHeader({ alg: 'RS256', kid: key().kid })
      .setIssuer(idp?.issuer ?? '')
      .setAudience(idp?.audience ?? '')
      .setSubject('forged-user')
      .setIssuedAt(now + 3600)
      .setExpirationTime(now + 3900)
      .sign(await importJWK(key(), 'RS256'));
    await expectRejected(token);
  });

  it.each([
    ['an empty sub', ''],
    ['a numeric sub', 12345],
  ])('rejects %s with 401, never a 500 with database text', async (_what, sub) => {
    const now = Math.floor(Date.now() / 1000);
    const token = await new SignJWT({ groups: [], sub: sub as string })
      .setProtectedHeader({ alg: 'RS256', kid: key().kid })
      .setIssuer(idp?.issuer ?? '')
      .setAudience(idp?.audience ?? '')
      .setIssuedAt(now)
      .setExpirationTime(now + 300)
      .sign(await importJWK(key(), 'RS256'));
    await expectRejected(token);
  });

  it('a subscription ends when its bearer token expires', async () => {
    const { createTenant } = await hub.admin<{ createTenant: { id: string } }>(
      'mutation { createTenant(input: { name: "expiring" }) { id } }',
    );
    await hub.admin(
      'mutation($t: ID!) { createRoleBinding(input: { tenantId: $t, subjectKind: user, subject: "forged-user", role: viewer }) { id } }',
      { t: createTenant.id },
    );
    const { registerCluster } = await hub.admin<{ registerCluster: { cluster: { id: string } } }>(
      'mutation($t: ID!) { registerCluster(input: { tenantId: $t, name: "c" }) { cluster { id } } }',
      { t: createTenant.id },
    );
    const { createBackupLocation } = await hub.admin<{ createBackupLocation: { id: string } }>(
      'mutation($t: ID!) { createBackupLocation(input: { tenantId: $t, name: "disk", filesystem: { path: "/backups" } }) { id } }',
      { t: createTenant.id },
    );
    const { validateBackupLocation } = await hub.admin<{ validateBackupLocation: { id: string } }>(
      'mutation($l: ID!, $c: ID!) { validateBackupLocation(id: $l, clusterId: $c) { id } }',
      { l: createBackupLocation.id, c: registerCluster.cluster.id },
    );
    const watch = watchJob(hub.url, await forge({ exp: Math.floor(Date.now() / 1000) + 5 }), validateBackupLocation.id);
    // On PostgreSQL the job's own queueing may still arrive as an update; what matters is that it ends.
    const errors = await watch.ended;
    expect(errors[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(errors[0]?.message).toMatch(/token of this subscription has expired/);
    await watch.stop();
  }, 30_000);

  it('rejects an unknown API token and an agent credential on the public API', async () => {
    await expectRejected('fbk_api_doesnotexist');
    await expectRejected('fbk_agent_doesnotexist');
  });
});

describe.skipIf(!idp)('the built-in admin token in OIDC mode', () => {
  let hub: TestHub & TestHubStorage;
  beforeAll(async () => {
    // A deployment that had the token, then turned it off: the stored token must stop working.
    const first = await startTestHub({ database: 'sqlite', world, oidc: true });
    const { adminToken, dataDir, databaseUrl, masterKey } = first;
    await first.stop();
    hub = await startTestHub({
      database: 'sqlite',
      world,
      oidc: true,
      reuse: { adminToken, dataDir, databaseUrl, masterKey },
      settings: { FLEETBACK_DISABLE_ADMIN_TOKEN: 'true' },
    });
  });
  afterAll(() => hub?.stop());

  it('is refused when FLEETBACK_DISABLE_ADMIN_TOKEN is true', async () => {
    const result = await hub.gql(hub.adminToken, meQuery);
    expect(result.status).toBe(401);
    expect(result.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(result.errors?.[0]?.message).toMatch(/disabled/);
    expect(result.data ?? null).toBeNull();
  });

  it('is not made at all by a fresh hub that refuses it', async () => {
    const fresh = await startTestHub({ database: 'sqlite', world, oidc: true, settings: { FLEETBACK_DISABLE_ADMIN_TOKEN: 'true' } });
    try {
      expect(fresh.adminToken).toBe('');
      const db = new DatabaseSync(join(fresh.dataDir, 'fleetback.sqlite'), { readOnly: true });
      const row = db.prepare('select count(*) as n from admin_tokens').get() as { n: number };
      db.close();
      expect(Number(row.n)).toBe(0);
    } finally {
      await fresh.stop();
    }
  });
});
