import type { Session } from './Session.ts';
import { takePendingSignIn } from './sessionStore.ts';
import { SignInError } from './SignInError.ts';

export interface CompletedSignIn {
  session: Session;
  returnTo: string;
}

/**
 * Finishes the sign-in the provider redirected back from (`callback` is that URL): checks the state,
 * exchanges the code with the PKCE verifier at the token endpoint, and returns the session with the access
 * token, the one the hub verifies (its audience is the hub's). Throws a SignInError saying what went wrong.
 */
export async function completeOidcSignIn(callback: URL): Promise<CompletedSignIn> {
  const params = callback.searchParams;
  const pending = takePendingSignIn();
  const refused = params.get('error');
  if (refused) {
    throw new SignInError(`the identity provider refused the sign-in: ${params.get('error_description') ?? refused}`);
  }
  if (!pending) {
    throw new SignInError('this sign-in was not started in this tab, or has already completed; sign in again');
  }
  if (params.get('state') !== pending.state) {
    throw new SignInError('the sign-in came back with the wrong state; sign in again');
  }
  // RFC 9207: a provider that names itself must name the issuer the sign-in went to.
  const iss = params.get('iss');
  if (iss !== null && iss !== pending.issuer) {
    throw new SignInError(`the sign-in came back from ${iss}, not ${pending.issuer}`);
  }
  const code = params.get('code');
  if (!code) throw new SignInError('the identity provider sent no authorization code');

  const form = new URLSearchParams({
    grant_type: 'authorization_code',
    code,
    redirect_uri: pending.redirectUri,
    client_id: pending.clientId,
    code_verifier: pending.codeVerifier,
  });
  if (pending.resource) form.set('resource', pending.resource);
  let body: Record<string, unknown>;
  let status: number;
  try {
    const response = await fetch(pending.tokenEndpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
      body: form,
    });
    status = response.status;
    body = (await response.json()) as Record<string, unknown>;
  } catch (error) {
    throw new SignInError(`cannot reach the identity provider's token endpoint: ${(error as Error).message}`, {
      cause: error,
    });
  }
  if (status !== 200 || typeof body.access_token !== 'string') {
    const reason = body.error_description ?? body.error ?? `HTTP ${status}`;
    throw new SignInError(`the identity provider did not issue a token: ${String(reason)}`);
  }
  const expiresIn = typeof body.expires_in === 'number' ? body.expires_in : undefined;
  return {
    session: {
      method: 'oidc',
      accessToken: body.access_token,
      expiresAt: expiresIn ? Date.now() + expiresIn * 1000 : null,
    },
    returnTo: pending.returnTo,
  };
}
