import { useEffect, useMemo } from 'react';
import { ApiProvider } from '../api/ApiProvider.tsx';
import { GraphqlClient } from '../api/GraphqlClient.ts';
import { callbackPath, type Session } from '../auth/Session.ts';
import { SessionProvider, useSession } from '../auth/SessionProvider.tsx';
import { SignInCallback } from '../auth/SignInCallback.tsx';
import { SignInPage } from '../auth/SignInPage.tsx';
import { useLocation } from '../router/useLocation.ts';
import { TenantProvider } from '../tenants/TenantProvider.tsx';
import { AppShell } from './AppShell.tsx';

/** The console: the sign-in callback, the sign-in page without a session, else the shell and its screens. */
export function App() {
  return (
    <SessionProvider>
      <Root />
    </SessionProvider>
  );
}

function Root() {
  const { pathname } = useLocation();
  const { session } = useSession();
  if (pathname === callbackPath) return <SignInCallback />;
  if (!session) return <SignInPage />;
  return <SignedIn session={session} />;
}

function SignedIn({ session }: { session: Session }) {
  const { signOut } = useSession();
  const client = useMemo(
    () =>
      new GraphqlClient({
        token: session.accessToken,
        onUnauthenticated: (error) =>
          signOut({ tone: 'error', text: `The hub ended your session: ${error.message}` }),
      }),
    [session.accessToken, signOut],
  );
  useEffect(() => () => client.dispose(), [client]);
  return (
    <ApiProvider client={client}>
      <TenantProvider>
        <AppShell />
      </TenantProvider>
    </ApiProvider>
  );
}
