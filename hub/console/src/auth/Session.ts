/** A signed-in browser tab: the bearer token the API gets, and how it was obtained. */
export interface Session {
  /** `oidc`: an access token from the identity provider; `token`: a pasted admin or API token. */
  method: 'oidc' | 'token';
  accessToken: string;
  /** When the access token expires (ms since the epoch); null when unknown or never. */
  expiresAt: number | null;
}

/** Where the identity provider sends the browser back; the hub serves the console there too. */
export const callbackPath = '/signin/callback';
