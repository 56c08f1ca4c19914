import { expect, it } from 'vitest';
import { authorizationUrl } from './authorizationUrl.ts';

it('asks for a code with PKCE S256 and the API as the resource, keeping the endpoint’s own parameters', () => {
  const url = new URL(
    authorizationUrl({
      authorizationEndpoint: 'https://idp.example/authorize?tenant=t1',
      clientId: 'fleetback-console',
      redirectUri: 'https://hub.example/signin/callback',
      scope: 'openid profile email',
      state: 's-1',
      codeChallenge: 'c-1',
      resource: 'urn:fleetback:hub',
    }),
  );
  expect(url.origin + url.pathname).toBe('https://idp.example/authorize');
  expect(Object.fromEntries(url.searchParams)).toEqual({
    tenant: 't1',
    response_type: 'code',
    client_id: 'fleetback-console',
    redirect_uri: 'https://hub.example/signin/callback',
    scope: 'openid profile email',
    state: 's-1',
    code_challenge: 'c-1',
    code_challenge_method: 'S256',
    resource: 'urn:fleetback:hub',
  });
});
