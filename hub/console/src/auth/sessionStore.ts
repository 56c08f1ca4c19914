import type { Session } from './Session.ts';

/**
 * The session lives in sessionStorage: it ends with the tab, and other tabs and sites never see it. The
 * sign-in that is under way (PKCE verifier and state) is kept there across the redirect to the provider.
 */
const sessionKey = 'fleetback.session';
const pendingKey = 'fleetback.signin';

/** What `startOidcSignIn` leaves for `completeOidcSignIn` across the provider's redirect. */
export interface PendingSignIn {
  issuer: string;
  state: string;
  codeVerifier: string;
  tokenEndpoint: string;
  clientId: string;
  redirectUri: string;
  resource: string | null;
  /** The console path to show once signed in. */
  returnTo: string;
}

export function readSession(): Session | undefined {
  const session = readJson(sessionKey) as Session | undefined;
  if (!session || typeof session.accessToken !== 'string') return undefined;
  if (session.expiresAt !== null && session.expiresAt <= Date.now()) {
    clearSession();
    return undefined;
  }
  return session;
}

export function saveSession(session: Session): void {
  sessionStorage.setItem(sessionKey, JSON.stringify(session));
}

export function clearSession(): void {
  sessionStorage.removeItem(sessionKey);
}

export function savePendingSignIn(pending: PendingSignIn): void {
  sessionStorage.setItem(pendingKey, JSON.stringify(pending));
}

/** The pending sign-in, removed as it is read: a code is exchanged once. */
export function takePendingSignIn(): PendingSignIn | undefined {
  const pending = readJson(pendingKey) as PendingSignIn | undefined;
  sessionStorage.removeItem(pendingKey);
  return pending;
}

function readJson(key: string): unknown {
  try {
    const raw = sessionStorage.getItem(key);
    return raw ? (JSON.parse(raw) as unknown) : undefined;
  } catch {
    return undefined;
  }
}
