import type { EntityManager } from '@mikro-orm/core';
import { AdminTokenEntity } from '../access/AdminTokenEntity.ts';
import { ApiTokenEntity } from '../access/ApiTokenEntity.ts';
import { RoleBindingEntity } from '../access/RoleBindingEntity.ts';
import { recordUser } from '../access/recordUser.ts';
import { UnauthenticatedError } from '../errors/errors.ts';
import type { OidcVerifier } from './OidcVerifier.ts';
import type { Principal } from './Principal.ts';
import { hashSecret } from './secretToken.ts';

export interface AuthenticationDeps {
  /** An entity manager of this request; lookups here bypass the scope filter on purpose. */
  em: EntityManager;
  oidc: OidcVerifier | undefined;
  /** OIDC groups whose members are hub administrators. */
  adminGroups: readonly string[];
  /** The built-in admin token is refused (`FLEETBACK_DISABLE_ADMIN_TOKEN`). */
  adminTokenDisabled?: boolean;
  now?: Date;
}

const unfiltered = { filters: false } as const;

/** Resolves the `Authorization` header into a principal, or throws UNAUTHENTICATED saying why. */
export async function authenticate(header: string | undefined, deps: AuthenticationDeps): Promise<Principal> {
  const match = header?.match(/^Bearer\s+(\S+)$/i);
  if (!match?.[1]) {
    throw new UnauthenticatedError(
      'no bearer token: send `Authorization: Bearer <token>` (sign in or use an API token)',
    );
  }
  const token = match[1];
  const now = deps.now ?? new Date();
  if (token.startsWith('fbk_admin_')) {
    if (deps.adminTokenDisabled) {
      throw new UnauthenticatedError('the built-in admin token is disabled on this hub; sign in with OIDC');
    }
    const row = await deps.em.findOne(AdminTokenEntity, { secretHash: hashSecret(token) }, unfiltered);
    if (!row) throw new UnauthenticatedError('unknown admin token');
    return { kind: 'admin' };
  }
  if (token.startsWith('fbk_api_')) return apiTokenPrincipal(token, deps.em, now);
  if (token.startsWith('fbk_'))
    throw new UnauthenticatedError('this kind of token is not accepted on the public API');
  if (!deps.oidc) {
    throw new UnauthenticatedError(
      'OIDC sign-in is not configured on this hub; use an API token or the admin token',
    );
  }
  const identity = await deps.oidc.verify(token);
  await recordUser(deps.em, identity, now);
  if (identity.groups.some((g) => deps.adminGroups.includes(g))) {
    const { expiresAt, ...user } = identity;
    return { kind: 'admin', user, expiresAt };
  }
  const bindings = await deps.em.find(
    RoleBindingEntity,
    {
      $or: [
        { subjectKind: 'user', subject: identity.subject },
        { subjectKind: 'group', subject: { $in: identity.groups } },
      ],
    },
    unfiltered,
  );
  return {
    kind: 'user',
    ...identity,
    grants: bindings.map((b) => ({
      tenantId: b.tenantId,
      role: b.role,
      clusterIds: b.clusterIds,
      namespaces: b.namespaces,
    })),
  };
}

async function apiTokenPrincipal(token: string, em: EntityManager, now: Date): Promise<Principal> {
  const row = await em.findOne(ApiTokenEntity, { secretHash: hashSecret(token) }, unfiltered);
  if (!row) throw new UnauthenticatedError('unknown API token');
  if (row.revokedAt) throw new UnauthenticatedError(`API token '${row.name}' was revoked`);
  if (row.expiresAt && row.expiresAt <= now)
    throw new UnauthenticatedError(`API token '${row.name}' has expired`);
  // Recording every use would turn reads into writes; a minute's precision is what a user needs.
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() > 60_000) {
    row.lastUsedAt = now;
    await em.flush();
  }
  return {
    kind: 'token',
    tokenId: row.id,
    ...(row.expiresAt ? { expiresAt: row.expiresAt } : {}),
    grants: [
      { tenantId: row.tenantId, role: row.role, clusterIds: row.clusterIds, namespaces: row.namespaces },
    ],
  };
}
