import type { ShopFixture } from './createShopFixture.ts';

/**
 * The items per type a backup of `f.ns` with the selector `app=shop` takes (cluster-scoped `auto`): the
 * labelled objects of the namespace and the cluster-scoped objects they need, one of each.
 */
export function shopBackupCounts(f: ShopFixture): Record<string, number> {
  return {
    configmaps: 1,
    secrets: 1,
    serviceaccounts: 1,
    persistentvolumeclaims: 1,
    namespaces: 1,
    persistentvolumes: 1,
    'deployments.apps': 1,
    'roles.rbac.authorization.k8s.io': 1,
    'rolebindings.rbac.authorization.k8s.io': 1,
    'clusterroles.rbac.authorization.k8s.io': 1,
    'storageclasses.storage.k8s.io': 1,
    'priorityclasses.scheduling.k8s.io': 1,
    'customresourcedefinitions.apiextensions.k8s.io': 1,
    [f.crdName]: 1,
  };
}
