import type { RoleName } from '../auth/meQuery.ts';
import { unreachable } from './unreachable.ts';

/** Who holds `role` or more in a tenant, as a sentence's subject: "Operators and admins of the tenant". */
export function whoMay(role: RoleName): string {
  switch (role) {
    case 'viewer':
      return 'Everyone in the tenant';
    case 'operator':
      return 'Operators and admins of the tenant';
    case 'admin':
      return 'Admins of the tenant';
    default:
      return unreachable(role);
  }
}
