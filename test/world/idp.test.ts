import { createRemoteJWKSet, decodeProtectedHeader, jwtVerify } from 'jose';
import { describe, expect, inject, it } from 'vitest';
import { fetchIdpToken } from './idp/fetchIdpToken.ts';
import type { IdpInfo } from './WorldInfo.ts';

const world = inject('world');

// Suite bodies are collected even when skipped, so the peer is read lazily.
function idp(): IdpInfo {
  if (!world.idp) throw new Error('the idp peer is not running');
  return world.idp;
}

async function verifier(info: IdpInfo) {
  const discovery = (await (await fetch(`${info.issuer}/.well-known/openid-configuration`)).json()) as {
    jwks_uri: string;
    token_endpoint: string;
  };
  return { jwks: createRemoteJWKSet(new URL(discovery.jwks_uri)), tokenEndpoint: discovery.token_endpoint };
}

function basicAuth(info: IdpInfo): string {
  return `Basic ${btoa(`${info.clientId}:${info.clientSecret}`)}`;
}

describe.skipIf(!world.idp)('test world: OIDC identity provider', () => {
  it('issues a JWT access token with the groups claim through the authorization-code flow', async () => {
    const info = idp();
    const alice = info.users.find((u) => u.username === 'alice');
    const { jwks } = await verifier(info);

    const { accessToken, idToken } = await fetchIdpToken(info, 'alice');

    expect(decodeProtectedHeader(accessToken)).toMatchObject({ alg: 'RS256', typ: 'at+jwt' });
    const access = await jwtVerify(accessToken, jwks, { issuer: info.issuer, audience: info.audience });
    expect(access.payload.sub).toBe(alice?.sub);
    expect(access.payload[info.groupsClaim]).toEqual(['platform-admins']);
    expect(access.payload.email).toBe('alice@example.test');

    const id = await jwtVerify(idToken, jwks, { issuer: info.issuer, audience: info.clientId });
    expect(id.payload.sub).toBe(alice?.sub);
    expect(id.payload[info.groupsClaim]).toEqual(['platform-admins']);
  });

  it('gives a user without groups an empty groups claim', async () => {
    const info = idp();
    const { jwks } = await verifier(info);
    const { accessToken } = await fetchIdpToken(info, 'dave');
    const { payload } = await jwtVerify(accessToken, jwks, { issuer: info.issuer, audience: info.audience });
    expect(payload[info.groupsClaim]).toEqual([]);
  });

  it('refreshes to a new JWT access token for the audience', async () => {
    const info = idp();
    const { jwks, tokenEndpoint } = await verifier(info);
    const { refreshToken } = await fetchIdpToken(info, 'carol');
    const response = await fetch(tokenEndpoint, {
      method: 'POST',
      headers: { authorization: basicAuth(info) },
      body: new URLSearchParams({ grant_type: 'refresh_token', refresh_token: refreshToken }),
    });
    expect(response.status).toBe(200);
    const { access_token } = (await response.json()) as { access_token: string };
    const { payload } = await jwtVerify(access_token, jwks, { issuer: info.issuer, audience: info.audience });
    expect(payload[info.groupsClaim]).toEqual(['tenant-b-viewers']);
  });

  it('refuses a wrong password', async () => {
    await expect(fetchIdpToken(idp(), 'bob', { password: 'not-bobs' })).rejects.toThrow(/refused \(401/);
  });

  it('issues a JWT for the audience to the client itself (client credentials)', async () => {
    const info = idp();
    const { jwks, tokenEndpoint } = await verifier(info);
    const response = await fetch(tokenEndpoint, {
      method: 'POST',
      headers: { authorization: basicAuth(info) },
      body: new URLSearchParams({ grant_type: 'client_credentials', resource: info.audience, scope: 'api' }),
    });
    expect(response.status).toBe(200);
    const { access_token } = (await response.json()) as { access_token: string };
    const { payload } = await jwtVerify(access_token, jwks, { issuer: info.issuer, audience: info.audience });
    expect(payload.sub).toBe(info.clientId);
  });

  it('refuses a resource it does not serve', async () => {
    const info = idp();
    const { tokenEndpoint } = await verifier(info);
    const response = await fetch(tokenEndpoint, {
      method: 'POST',
      headers: { authorization: basicAuth(info) },
      body: new URLSearchParams({
        grant_type: 'client_credentials',
        resource: 'urn:someone:else',
        scope: 'api',
      }),
    });
    expect(await response.json()).toMatchObject({ error: 'invalid_target' });
  });
});
