import { useMemo, useState } from 'react';
import { ApiProvider } from '../api/ApiProvider.tsx';
import { GraphqlClient } from '../api/GraphqlClient.ts';
import { useQuery } from '../api/useQuery.ts';
import { useLocation } from '../router/useLocation.ts';
import { LoadingState } from '../states/LoadingState.tsx';
import { ErrorState } from '../states/ErrorState.tsx';
import { usePageTitle } from '../ui/usePageTitle.ts';
import { useSession } from './SessionProvider.tsx';
import { type SignInOptions, signInOptionsQuery } from './signInOptionsQuery.ts';
import { startOidcSignIn } from './startOidcSignIn.ts';
import { TokenSignInForm } from './TokenSignInForm.tsx';

/** Shown to a tab without a session: asks the hub how to sign in, and offers that. */
export function SignInPage() {
  usePageTitle('Sign in');
  // Anonymous: `signInOptions` is the one field the hub answers without a token.
  const client = useMemo(() => new GraphqlClient({ token: undefined }), []);
  return (
    <ApiProvider client={client}>
      <main className="signin" id="main">
        <div className="signin-card">
          <p className="brand brand-large" aria-hidden="true">
            Fleetback
          </p>
          <h1>Sign in</h1>
          <SignInNoticeView />
          <SignInMethods />
        </div>
      </main>
    </ApiProvider>
  );
}

function SignInNoticeView() {
  const { notice } = useSession();
  if (!notice) return null;
  return (
    <p className={`notice notice-${notice.tone}`} role={notice.tone === 'error' ? 'alert' : 'status'}>
      {notice.text}
    </p>
  );
}

function SignInMethods() {
  const query = useQuery(signInOptionsQuery, {});
  const { state } = query;
  if (state.status === 'loading') return <LoadingState label="Asking the hub how to sign in" />;
  if (state.status === 'error') {
    return <ErrorState error={state.error} title="Could not reach the hub" onRetry={query.reload} />;
  }
  const options = state.data.signInOptions;
  if (options.oidcIssuer && options.oidcClientId) {
    return (
      <>
        <OidcSignIn options={options} />
        <details className="token-alternative">
          <summary>Sign in with a token instead</summary>
          <TokenSignInForm />
        </details>
      </>
    );
  }
  return (
    <>
      {options.oidcIssuer ? (
        <p>
          This hub accepts tokens from <code>{options.oidcIssuer}</code>, but the console has no client there
          (<code>FLEETBACK_OIDC_CONSOLE_CLIENT_ID</code>). Sign in with an API token or the admin token.
        </p>
      ) : (
        <p>
          This hub has no identity provider. Paste the built-in admin token it printed on its first start, or an API
          token.
        </p>
      )}
      <TokenSignInForm />
    </>
  );
}

function OidcSignIn({ options }: { options: SignInOptions }) {
  const { pathname, search } = useLocation();
  const [starting, setStarting] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const provider = new URL(options.oidcIssuer as string).host;
  const start = async () => {
    setStarting(true);
    setError(undefined);
    try {
      const query = search.toString();
      await startOidcSignIn(options, pathname === '/' ? '/fleet' : `${pathname}${query ? `?${query}` : ''}`);
    } catch (failure) {
      setError((failure as Error).message);
      setStarting(false);
    }
  };
  return (
    <div className="oidc-signin">
      <button type="button" className="primary large" onClick={start} disabled={starting}>
        {starting ? 'Redirecting…' : `Sign in with ${provider}`}
      </button>
      {error && (
        <p className="notice notice-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
