/** A random, URL-safe string of `bytes` random bytes (state values and PKCE code verifiers). */
export function randomToken(bytes = 32): string {
  return base64Url(crypto.getRandomValues(new Uint8Array(bytes)));
}

/**
 * The S256 code challenge of a PKCE code verifier (RFC 7636): base64url of its SHA-256. Browsers offer
 * SHA-256 only in secure contexts (HTTPS, or http on localhost), so OIDC sign-in needs one.
 */
export async function codeChallenge(verifier: string): Promise<string> {
  if (!globalThis.crypto?.subtle) {
    throw new Error(
      'this page is not a secure context, so the browser offers no SHA-256 for PKCE: open the console over HTTPS',
    );
  }
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier));
  return base64Url(new Uint8Array(digest));
}

function base64Url(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}
