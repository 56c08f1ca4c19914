import type { MikroORM } from '@mikro-orm/core';
import { GraphQLError } from 'graphql';
import { scopeOf } from '../access/scopeOf.ts';
import { authenticate } from '../auth/authenticate.ts';
import type { AuthFailureLimiter } from '../auth/AuthFailureLimiter.ts';
import type { OidcVerifier } from '../auth/OidcVerifier.ts';
import type { Principal } from '../auth/Principal.ts';
import type { SignInSettings } from '../auth/SignInOptions.ts';
import { scopeFilterName } from '../db/scopeFilter.ts';
import { ErrorCode } from '../errors/ErrorCode.ts';
import { FleetbackError, InternalError, UnauthenticatedError } from '../errors/errors.ts';
import type { SubscriptionBounds } from '../graphql/boundSubscription.ts';
import type { HubContext } from '../graphql/HubContext.ts';
import type { DispatchSignals } from '../dispatch/dispatchSignals.ts';
import type { JobKindHandlers } from '../jobs/JobKindHandler.ts';
import type { SecretBox } from '../secrets/SecretBox.ts';
import type { Logger } from '../logging/Logger.ts';

export interface ContextDeps {
  orm: MikroORM;
  oidc: OidcVerifier | undefined;
  adminGroups: readonly string[];
  adminTokenDisabled: boolean;
  secrets: SecretBox;
  signals: DispatchSignals;
  signIn: SignInSettings;
  filesystemRoots: readonly string[];
  jobKinds: JobKindHandlers;
  authFailures: AuthFailureLimiter;
  logger: Logger;
  /** The longest a subscription lives (`FLEETBACK_SUBSCRIPTION_MAX_LIFETIME_SECONDS`). */
  subscriptionMaxLifetimeMs: number;
}

export interface ContextOptions {
  /**
   * The request asks only for fields anyone may read (see `isAnonymousOperation`); without an
   * `Authorization` header it then runs as the anonymous principal instead of failing UNAUTHENTICATED.
   */
  anonymous?: boolean;
  /** The caller's address, for limiting failed authentications. */
  source?: string;
  /** The context serves a graphql-ws operation: subscriptions get `subscriptionBounds`. */
  live?: boolean;
}

const httpStatusOf: Partial<Record<ErrorCode, number>> = {
  [ErrorCode.UNAUTHENTICATED]: 401,
  [ErrorCode.TOO_MANY_REQUESTS]: 429,
};

/**
 * Builds a request's context: authenticates the caller, then forks an entity manager whose scope filter
 * admits only the caller's tenants and clusters. An authentication failure ends the request with HTTP 401
 * (429 once the source failed too often); any other failure is logged and reported as a generic INTERNAL,
 * never with its own text (a database error names tables and values).
 */
export async function createContext(
  authorization: string | undefined,
  deps: ContextDeps,
  options: ContextOptions = {},
): Promise<HubContext> {
  const em = deps.orm.em.fork();
  const source = options.source ?? 'unknown';
  try {
    const principal: Principal =
      options.anonymous && !authorization
        ? { kind: 'anonymous', grants: [] }
        : await authenticateFrom(source, authorization, deps);
    em.clear();
    em.setFilterParams(scopeFilterName, scopeOf(principal));
    const context: HubContext = {
      principal,
      em,
      secrets: deps.secrets,
      signals: deps.signals,
      signIn: deps.signIn,
      filesystemRoots: deps.filesystemRoots,
      jobKinds: deps.jobKinds,
    };
    if (options.live) context.subscriptionBounds = boundsOf(context, authorization, deps);
    return context;
  } catch (error) {
    if (error instanceof FleetbackError) {
      throw new GraphQLError(error.message, {
        originalError: error,
        extensions: { ...error.details, code: error.code, http: { status: httpStatusOf[error.code] ?? 400 } },
      });
    }
    deps.logger.error({ err: error }, 'could not build the request context');
    const internal = new InternalError('internal error; it has been logged — try again, and report it if it persists');
    throw new GraphQLError(internal.message, {
      originalError: internal,
      extensions: { code: internal.code, http: { status: 500 } },
    });
  }
}

async function authenticateFrom(source: string, authorization: string | undefined, deps: ContextDeps) {
  deps.authFailures.check(source);
  try {
    return await authenticate(authorization, {
      em: deps.orm.em.fork(),
      oidc: deps.oidc,
      adminGroups: deps.adminGroups,
      adminTokenDisabled: deps.adminTokenDisabled,
    });
  } catch (error) {
    // Only a presented credential is a guess; a request without one is not counted.
    if (error instanceof UnauthenticatedError && authorization) deps.authFailures.fail(source);
    throw error;
  }
}

/**
 * A subscription lives until its maximum lifetime or its credential's expiry, whichever is first, and
 * before each delivery the credential is checked again: the context's principal and scope are refreshed,
 * so a narrowed grant narrows what is delivered, and a revoked token ends the subscription.
 */
function boundsOf(context: HubContext, authorization: string | undefined, deps: ContextDeps): SubscriptionBounds {
  const maxLifetimeEnd = Date.now() + deps.subscriptionMaxLifetimeMs;
  const expiresAt = context.principal.expiresAt;
  const tokenEndsFirst = expiresAt !== undefined && expiresAt.getTime() <= maxLifetimeEnd;
  return {
    deadline: tokenEndsFirst ? expiresAt : new Date(maxLifetimeEnd),
    expired: () =>
      new UnauthenticatedError(
        tokenEndsFirst
          ? 'the token of this subscription has expired; subscribe again with a fresh token'
          : `subscriptions last at most ${Math.round(deps.subscriptionMaxLifetimeMs / 1000)} s; subscribe again`,
      ),
    recheck: async () => {
      const principal = await authenticate(authorization, {
        em: deps.orm.em.fork(),
        oidc: deps.oidc,
        adminGroups: deps.adminGroups,
        adminTokenDisabled: deps.adminTokenDisabled,
      });
      context.principal = principal;
      context.em.clear();
      context.em.setFilterParams(scopeFilterName, scopeOf(principal));
    },
  };
}
