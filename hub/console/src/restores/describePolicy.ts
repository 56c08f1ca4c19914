import type { ExistingResourcePolicy } from './CreateRestoreInput.ts';
import { unreachable } from '../ui/unreachable.ts';

/** What a policy does to an object that already exists in the target, as the wizard and the summary say it. */
export function describePolicy(policy: ExistingResourcePolicy): { label: string; detail: string } {
  switch (policy) {
    case 'skip':
      return { label: 'Leave it as it is (skip)', detail: 'Objects already in the target are not touched; each is listed as skipped.' };
    case 'update':
      return {
        label: 'Update it in place',
        detail:
          'The target’s object is overwritten with the backup’s version (its uid stays). What cannot change (a Job, a claim, an immutable field) is skipped with the reason.',
      };
    case 'replace':
      return {
        label: 'Delete and recreate it (replace)',
        detail:
          'The target’s object is deleted and created anew from the backup. Cluster-scoped objects (namespaces, CRDs, storage classes…) are updated, never deleted; volume claims and bound volumes are kept, with the reason.',
      };
    default:
      return unreachable(policy);
  }
}
