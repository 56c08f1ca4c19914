import { createContext, type ReactNode, useCallback, useContext, useMemo, useState } from 'react';
import type { Session } from './Session.ts';
import { clearSession, readSession, saveSession } from './sessionStore.ts';

/** A message for the sign-in page: why the last session ended, or why a sign-in failed. */
export interface SignInNotice {
  tone: 'info' | 'error';
  text: string;
}

export interface SessionContextValue {
  session: Session | undefined;
  notice: SignInNotice | undefined;
  signIn(session: Session): void;
  /** Ends the session; `notice` is shown on the sign-in page. */
  signOut(notice?: SignInNotice): void;
}

const SessionContext = createContext<SessionContextValue | undefined>(undefined);

/** Holds the tab's session (kept in sessionStorage, so a reload stays signed in). */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [session, setSession] = useState<Session | undefined>(readSession);
  const [notice, setNotice] = useState<SignInNotice | undefined>();
  const signIn = useCallback((next: Session) => {
    saveSession(next);
    setNotice(undefined);
    setSession(next);
  }, []);
  const signOut = useCallback((why?: SignInNotice) => {
    clearSession();
    setNotice(why);
    setSession(undefined);
  }, []);
  const value = useMemo(() => ({ session, notice, signIn, signOut }), [session, notice, signIn, signOut]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionContextValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside a SessionProvider');
  return value;
}
