import type { Role } from '../access/Role.ts';

/** A role in one tenant, possibly narrowed to some clusters and namespace patterns (empty = all). */
export interface Grant {
  tenantId: string;
  role: Role;
  clusterIds: string[];
  namespaces: string[];
}

/** Who is calling, resolved once per request by `authenticate`. */
export type Principal =
  | { kind: 'admin' }
  | { kind: 'user'; subject: string; email: string | undefined; groups: string[]; grants: Grant[] }
  | { kind: 'token'; tokenId: string; grants: Grant[] };

/** A short, log-safe description of a principal (never a secret). */
export function describePrincipal(principal: Principal): string {
  switch (principal.kind) {
    case 'admin':
      return 'built-in admin';
    case 'user':
      return `user ${principal.email ?? principal.subject}`;
    case 'token':
      return `api token ${principal.tokenId}`;
    default:
      return unreachable(principal);
  }
}

/** Ends an exhaustive switch: the compiler fails when a case is missing. */
export function unreachable(value: never): never {
  throw new Error(`unreachable case: ${JSON.stringify(value)}`);
}
