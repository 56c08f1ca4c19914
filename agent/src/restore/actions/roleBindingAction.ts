import { targetNamespaceOf } from '#schema/contracts/RestoreSpec';
import type { RestoreAction } from './RestoreAction.ts';
import { recordsOf } from '../recordOf.ts';

/**
 * RoleBindings and ClusterRoleBindings: a subject's namespace (a ServiceAccount's) goes through
 * `namespaceMapping`, so a binding restored into a renamed namespace grants its restored ServiceAccounts.
 */
export const roleBindingAction: RestoreAction = {
  appliesTo: { types: ['rolebindings.rbac.authorization.k8s.io', 'clusterrolebindings.rbac.authorization.k8s.io'] },
  run: (object, _item, { spec }) => {
    for (const subject of recordsOf(object.subjects)) {
      if (typeof subject.namespace === 'string') subject.namespace = targetNamespaceOf(spec, subject.namespace);
    }
    return { object };
  },
};
