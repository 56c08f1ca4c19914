/** Roles in a tenant, from most to least powerful. */
export const roles = ['admin', 'operator', 'viewer'] as const;
export type Role = (typeof roles)[number];

/**
 * What a role may do: `read` everything in scope, `operate` (run backups and restores, edit policies, rules
 * and schedules), `administer` (clusters, locations, credentials, bindings, tokens).
 */
export type Action = 'read' | 'operate' | 'administer';

const allowed: Record<Role, readonly Action[]> = {
  admin: ['read', 'operate', 'administer'],
  operator: ['read', 'operate'],
  viewer: ['read'],
};

export function roleAllows(role: Role, action: Action): boolean {
  return allowed[role].includes(action);
}
