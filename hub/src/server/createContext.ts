import type { MikroORM } from '@mikro-orm/core';
import { GraphQLError } from 'graphql';
import { scopeOf } from '../access/scopeOf.ts';
import { authenticate } from '../auth/authenticate.ts';
import type { OidcVerifier } from '../auth/OidcVerifier.ts';
import type { Principal } from '../auth/Principal.ts';
import type { SignInSettings } from '../auth/SignInOptions.ts';
import { scopeFilterName } from '../db/scopeFilter.ts';
import { FleetbackError } from '../errors/errors.ts';
import type { HubContext } from '../graphql/HubContext.ts';
import type { DispatchSignals } from '../dispatch/dispatchSignals.ts';
import type { SecretBox } from '../secrets/SecretBox.ts';

export interface ContextDeps {
  orm: MikroORM;
  oidc: OidcVerifier | undefined;
  adminGroups: readonly string[];
  secrets: SecretBox;
  signals: DispatchSignals;
  signIn: SignInSettings;
}

export interface ContextOptions {
  /**
   * The request asks only for fields anyone may read (see `isAnonymousOperation`); without an
   * `Authorization` header it then runs as the anonymous principal instead of failing UNAUTHENTICATED.
   */
  anonymous?: boolean;
}

/**
 * Builds a request's context: authenticates the caller, then forks an entity manager whose scope filter
 * admits only the caller's tenants and clusters. An authentication failure ends the request with HTTP 401.
 */
export async function createContext(
  authorization: string | undefined,
  deps: ContextDeps,
  options: ContextOptions = {},
): Promise<HubContext> {
  const em = deps.orm.em.fork();
  try {
    const principal: Principal =
      options.anonymous && !authorization
        ? { kind: 'anonymous', grants: [] }
        : await authenticate(authorization, { em, oidc: deps.oidc, adminGroups: deps.adminGroups });
    em.clear();
    em.setFilterParams(scopeFilterName, scopeOf(principal));
    return { principal, em, secrets: deps.secrets, signals: deps.signals, signIn: deps.signIn };
  } catch (error) {
    if (error instanceof FleetbackError) {
      throw new GraphQLError(error.message, {
        originalError: error,
        extensions: { code: error.code, http: { status: 401 } },
      });
    }
    throw error;
  }
}
