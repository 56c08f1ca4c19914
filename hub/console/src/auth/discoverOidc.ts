import { SignInError } from './SignInError.ts';

/** The endpoints of an OpenID provider the console uses. */
export interface OidcEndpoints {
  authorizationEndpoint: string;
  tokenEndpoint: string;
}

/** Reads `<issuer>/.well-known/openid-configuration` and checks that it speaks for `issuer`. */
export async function discoverOidc(issuer: string): Promise<OidcEndpoints> {
  const url = `${issuer.replace(/\/$/, '')}/.well-known/openid-configuration`;
  let document: Record<string, unknown>;
  try {
    const response = await fetch(url, { headers: { accept: 'application/json' } });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    document = (await response.json()) as Record<string, unknown>;
  } catch (error) {
    throw new SignInError(
      `cannot read the identity provider's discovery document at ${url} (${(error as Error).message}); check that the provider is up and allows this origin (CORS)`,
      { cause: error },
    );
  }
  const { issuer: named, authorization_endpoint, token_endpoint } = document;
  if (named !== issuer) throw new SignInError(`the discovery document names issuer ${String(named)}, not ${issuer}`);
  if (typeof authorization_endpoint !== 'string' || typeof token_endpoint !== 'string') {
    throw new SignInError('the discovery document lacks the authorization or token endpoint');
  }
  return { authorizationEndpoint: authorization_endpoint, tokenEndpoint: token_endpoint };
}
