import { defineOperation } from '../api/Operation.ts';

export interface SignInOptions {
  oidcIssuer: string | null;
  oidcClientId: string | null;
  oidcAudience: string | null;
  oidcScopes: string | null;
}

/** The one query the hub answers without a token: how to sign in. */
export const signInOptionsQuery = defineOperation<{ signInOptions: SignInOptions }>(
  'query SignInOptions { signInOptions { oidcIssuer oidcClientId oidcAudience oidcScopes } }',
);
