import { createHash, randomBytes } from 'node:crypto';
import type { IdpInfo } from '../WorldInfo.ts';
import { CookieJar } from './CookieJar.ts';

export interface IdpTokens {
  /** A JWT for `idp.audience`, carrying the groups claim. */
  accessToken: string;
  /** An ID token for the client. */
  idToken: string;
  /** Every sign-in at the test provider yields one. */
  refreshToken: string;
}

export interface FetchIdpTokenOptions {
  /** Signs in with this password instead of the user's own, to see a refusal. */
  password?: string;
}

/**
 * Signs `username` in at the test world's identity provider the way a browser and a relying party would:
 * authorization request with PKCE, the login form, the redirect back with a code, and the code exchanged at
 * the token endpoint for tokens issued for `idp.audience`. Throws when the provider refuses the sign-in.
 */
export async function fetchIdpToken(
  idp: IdpInfo,
  username: string,
  options: FetchIdpTokenOptions = {},
): Promise<IdpTokens> {
  const user = idp.users.find((u) => u.username === username);
  if (!user) throw new Error(`the test IdP has no user '${username}'`);
  const discovery = await getJson(`${idp.issuer}/.well-known/openid-configuration`);
  const verifier = randomBytes(32).toString('base64url');
  const state = randomBytes(16).toString('base64url');
  const authorize = new URL(String(discovery.authorization_endpoint));
  authorize.search = new URLSearchParams({
    client_id: idp.clientId,
    response_type: 'code',
    redirect_uri: idp.redirectUri,
    scope: idp.scope,
    state,
    nonce: randomBytes(16).toString('base64url'),
    code_challenge: createHash('sha256').update(verifier).digest('base64url'),
    code_challenge_method: 'S256',
    resource: idp.audience,
  }).toString();

  const callback = await signIn(authorize, idp.redirectUri, user.username, options.password ?? user.password);
  if (callback.searchParams.get('error')) {
    throw new Error(`sign-in of '${username}' failed: ${callback.searchParams.get('error_description')}`);
  }
  if (callback.searchParams.get('state') !== state) throw new Error('the callback carries the wrong state');

  const tokens = await getJson(String(discovery.token_endpoint), {
    method: 'POST',
    headers: {
      authorization: `Basic ${Buffer.from(`${encodeURIComponent(idp.clientId)}:${encodeURIComponent(idp.clientSecret)}`).toString('base64')}`,
      'content-type': 'application/x-www-form-urlencoded',
    },
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      code: callback.searchParams.get('code') ?? '',
      redirect_uri: idp.redirectUri,
      code_verifier: verifier,
      resource: idp.audience,
    }),
  });
  const { access_token, id_token, refresh_token } = tokens;
  if (typeof access_token !== 'string' || typeof id_token !== 'string' || typeof refresh_token !== 'string') {
    throw new Error(`the token endpoint returned no tokens: ${JSON.stringify(tokens)}`);
  }
  return { accessToken: access_token, idToken: id_token, refreshToken: refresh_token };
}

/** Follows redirects from `start`, posting the login form when it appears, until one leads to `redirectUri`. */
async function signIn(start: URL, redirectUri: string, username: string, password: string): Promise<URL> {
  const jar = new CookieJar();
  const target = new URL(redirectUri);
  let request: { url: URL; form?: URLSearchParams } = { url: start };
  let submitted = false;
  for (let hop = 0; hop < 20; hop++) {
    const response = await fetch(request.url, {
      method: request.form ? 'POST' : 'GET',
      body: request.form,
      redirect: 'manual',
      headers: { cookie: jar.header() },
    });
    jar.store(response);
    const location = response.headers.get('location');
    if (response.status >= 300 && response.status < 400 && location) {
      const next = new URL(location, request.url);
      // Loopback redirect URIs match on any port, so compare without it, as the provider does.
      if (
        next.protocol === target.protocol &&
        next.hostname === target.hostname &&
        next.pathname === target.pathname
      ) {
        return next;
      }
      request = { url: next };
      continue;
    }
    const body = await response.text();
    const action = /<form[^>]*action="([^"]+)"/.exec(body)?.[1];
    if (!action || submitted) {
      throw new Error(
        `sign-in of '${username}' was refused (${response.status} at ${request.url}): ${body.slice(0, 300)}`,
      );
    }
    submitted = true;
    request = {
      url: new URL(action, request.url),
      form: new URLSearchParams({ username, password }),
    };
  }
  throw new Error(`sign-in of '${username}' did not reach ${redirectUri} within 20 redirects`);
}

async function getJson(url: string, init?: RequestInit): Promise<Record<string, unknown>> {
  const response = await fetch(url, init);
  const text = await response.text();
  if (!response.ok)
    throw new Error(`${init?.method ?? 'GET'} ${url} -> ${response.status}: ${text.slice(0, 300)}`);
  return JSON.parse(text) as Record<string, unknown>;
}
