import { targetNamespaceOf } from '#schema/contracts/RestoreSpec';
import type { RestoreAction } from './RestoreAction.ts';

/**
 * RoleBindings and ClusterRoleBindings: a subject's namespace (a ServiceAccount's) goes through
 * `namespaceMapping`, so a binding restored into a renamed namespace grants its restored ServiceAccounts.
 */
export const roleBindingAction: RestoreAction = {
  appliesTo: { types: ['rolebindings.rbac.authorization.k8s.io', 'clusterrolebindings.rbac.authorization.k8s.io'] },
  run: (object, _item, { spec }) => {
    if (!Array.isArray(object.subjects)) return { object };
    for (const subject of object.subjects as Record<string, unknown>[]) {
      if (typeof subject.namespace === 'string') subject.namespace = targetNamespaceOf(spec, subject.namespace);
    }
    return { object };
  },
};
