import type { ClusterScopedPolicy } from './CreateRestoreInput.ts';
import { unreachable } from '../ui/unreachable.ts';

/** Which cluster-scoped objects of the backup a restore takes, as the wizard and the summary say it. */
export function describeClusterScoped(policy: ClusterScopedPolicy): { label: string; detail: string } {
  switch (policy) {
    case 'auto':
      return {
        label: 'Only what the restored objects need',
        detail: 'CRDs of their custom objects, PVs of their claims and storage classes, ClusterRoles their RoleBindings grant, PriorityClasses. Nothing else of the cluster is touched.',
      };
    case 'all':
      return { label: 'All of them', detail: 'Every cluster-scoped object the backup holds, as for recovering a whole cluster.' };
    case 'none':
      return { label: 'None', detail: 'Only namespaced objects (and their namespaces) are restored.' };
    default:
      return unreachable(policy);
  }
}
