import { type FormEvent, useId, useState } from 'react';
import { type ApiError, toApiError } from '../api/ApiError.ts';
import { GraphqlClient } from '../api/GraphqlClient.ts';
import { ErrorState } from '../states/ErrorState.tsx';
import { meQuery } from './meQuery.ts';
import { useSession } from './SessionProvider.tsx';

/**
 * Sign-in with a bearer token: the built-in admin token the hub printed at its first start, or an API token.
 * The token becomes the session only once the hub accepts it.
 */
export function TokenSignInForm() {
  const { signIn } = useSession();
  const inputId = useId();
  const [token, setToken] = useState('');
  const [checking, setChecking] = useState(false);
  const [error, setError] = useState<ApiError | undefined>();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const accessToken = token.trim();
    if (!accessToken) return;
    setChecking(true);
    setError(undefined);
    try {
      await new GraphqlClient({ token: accessToken }).request(meQuery);
      signIn({ method: 'token', accessToken, expiresAt: null });
    } catch (failure) {
      setError(toApiError(failure));
      setChecking(false);
    }
  };

  return (
    <form className="token-form" onSubmit={submit}>
      <label htmlFor={inputId}>Admin or API token</label>
      <input
        id={inputId}
        name="token"
        type="password"
        autoComplete="off"
        spellCheck={false}
        placeholder="fbk_admin_… or fbk_api_…"
        value={token}
        onChange={(event) => setToken(event.target.value)}
        required
      />
      <button type="submit" className="primary" disabled={checking}>
        {checking ? 'Checking…' : 'Sign in with token'}
      </button>
      {error && <ErrorState error={error} title="The hub did not accept this token" compact />}
    </form>
  );
}
