import { authorizationUrl } from './authorizationUrl.ts';
import { discoverOidc } from './discoverOidc.ts';
import { codeChallenge, randomToken } from './pkce.ts';
import { callbackPath } from './Session.ts';
import { savePendingSignIn } from './sessionStore.ts';
import type { SignInOptions } from './signInOptionsQuery.ts';
import { SignInError } from './SignInError.ts';

/**
 * Sends the browser to the identity provider: authorization code with PKCE as a public client, coming back
 * to `/signin/callback` of this origin, after which the console shows `returnTo`.
 */
export async function startOidcSignIn(options: SignInOptions, returnTo: string): Promise<void> {
  const { oidcIssuer: issuer, oidcClientId: clientId } = options;
  if (!issuer || !clientId) throw new SignInError('this hub has no OIDC client for the console');
  const endpoints = await discoverOidc(issuer);
  const codeVerifier = randomToken(32);
  const state = randomToken(16);
  const redirectUri = `${window.location.origin}${callbackPath}`;
  savePendingSignIn({
    issuer,
    state,
    codeVerifier,
    tokenEndpoint: endpoints.tokenEndpoint,
    clientId,
    redirectUri,
    resource: options.oidcAudience,
    returnTo,
  });
  window.location.assign(
    authorizationUrl({
      authorizationEndpoint: endpoints.authorizationEndpoint,
      clientId,
      redirectUri,
      scope: options.oidcScopes ?? 'openid',
      state,
      codeChallenge: await codeChallenge(codeVerifier),
      resource: options.oidcAudience,
    }),
  );
}
