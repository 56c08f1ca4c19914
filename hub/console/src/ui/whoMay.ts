import type { RoleName } from '../auth/meQuery.ts';

/** Who holds a role or more in a tenant, as a sentence's subject: "Operators and admins of the tenant". */
export const whoMay: Record<RoleName, string> = {
  viewer: 'Everyone in the tenant',
  operator: 'Operators and admins of the tenant',
  admin: 'Admins of the tenant',
};
