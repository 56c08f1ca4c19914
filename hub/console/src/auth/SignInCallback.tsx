import { useEffect } from 'react';
import { navigate } from '../router/navigate.ts';
import { LoadingState } from '../states/LoadingState.tsx';
import { type CompletedSignIn, completeOidcSignIn } from './completeOidcSignIn.ts';
import { useSession } from './SessionProvider.tsx';

// A code is exchanged once, however often the effect runs (React runs effects twice in development).
const completions = new Map<string, Promise<CompletedSignIn>>();

/** `/signin/callback`: where the identity provider returns the browser with an authorization code. */
export function SignInCallback() {
  const { signIn, signOut } = useSession();
  useEffect(() => {
    const url = new URL(window.location.href);
    let completion = completions.get(url.search);
    if (!completion) {
      completion = completeOidcSignIn(url);
      completions.set(url.search, completion);
    }
    let current = true;
    completion.then(
      ({ session, returnTo }) => {
        if (!current) return;
        signIn(session);
        navigate(returnTo, { replace: true });
      },
      (error: unknown) => {
        if (!current) return;
        signOut({ tone: 'error', text: `Sign-in failed: ${(error as Error).message}` });
        navigate('/', { replace: true });
      },
    );
    return () => {
      current = false;
    };
  }, [signIn, signOut]);
  return (
    <main className="signin" id="main">
      <div className="signin-card">
        <LoadingState label="Completing sign-in" />
      </div>
    </main>
  );
}
