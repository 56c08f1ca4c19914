import type { Role } from '../access/Role.ts';

/** A role in one tenant, possibly narrowed to some clusters and namespace patterns (empty = all). */
export interface Grant {
  tenantId: string;
  role: Role;
  clusterIds: string[];
  namespaces: string[];
}

/**
 * Who is calling, resolved once per request by `authenticate`. `anonymous` is a caller without a token whose
 * request asks only for the fields anyone may read (`anonymousRootFields`); it holds no grant, so every
 * check and the scope filter refuse it everything else as well.
 */
export type Principal = (
  /** A hub administrator: the built-in admin token, or (`user` set) a member of an admin group. */
  | { kind: 'admin'; user?: { subject: string; email: string | undefined; groups: string[] } }
  | { kind: 'user'; subject: string; email: string | undefined; groups: string[]; grants: Grant[] }
  | { kind: 'token'; tokenId: string; grants: Grant[] }
  | { kind: 'anonymous'; grants: [] }
) & {
  /** When the credential stops being valid (a JWT's `exp`, an API token's expiry); unset: no set end. */
  expiresAt?: Date;
};

/** A short, log-safe description of a principal (never a secret). */
export function describePrincipal(principal: Principal): string {
  switch (principal.kind) {
    case 'admin':
      return principal.user ? `admin ${principal.user.email ?? principal.user.subject}` : 'built-in admin';
    case 'user':
      return `user ${principal.email ?? principal.subject}`;
    case 'token':
      return `api token ${principal.tokenId}`;
    case 'anonymous':
      return 'anonymous caller';
    default:
      return unreachable(principal);
  }
}

/** Ends an exhaustive switch: the compiler fails when a case is missing. */
export function unreachable(value: never): never {
  throw new Error(`unreachable case: ${JSON.stringify(value)}`);
}
