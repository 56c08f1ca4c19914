import { describe, expect, it } from 'vitest';
import { restoreOrder, restoreRank } from './restoreOrder.ts';

const t = (type: string) => {
  const dot = type.indexOf('.');
  return dot < 0 ? { resource: type, group: '' } : { resource: type.slice(0, dot), group: type.slice(dot + 1) };
};

describe('restoreOrder', () => {
  it('puts CRDs, namespaces, storage, identities, RBAC, configuration, services, workloads, the rest, custom resources', () => {
    const shuffled = [
      'gizmos.example.com',
      'poddisruptionbudgets.policy',
      'cronjobs.batch',
      'deployments.apps',
      'services',
      'secrets',
      'configmaps',
      'rolebindings.rbac.authorization.k8s.io',
      'roles.rbac.authorization.k8s.io',
      'clusterroles.rbac.authorization.k8s.io',
      'serviceaccounts',
      'persistentvolumeclaims',
      'persistentvolumes',
      'storageclasses.storage.k8s.io',
      'namespaces',
      'customresourcedefinitions.apiextensions.k8s.io',
    ];
    const ordered = restoreOrder(shuffled.map(t), (x) => x).map((x) => (x.group ? `${x.resource}.${x.group}` : x.resource));
    expect(ordered).toEqual([
      'customresourcedefinitions.apiextensions.k8s.io',
      'namespaces',
      'storageclasses.storage.k8s.io',
      'persistentvolumes',
      'persistentvolumeclaims',
      'serviceaccounts',
      'clusterroles.rbac.authorization.k8s.io',
      'roles.rbac.authorization.k8s.io',
      'rolebindings.rbac.authorization.k8s.io',
      'configmaps',
      'secrets',
      'services',
      'deployments.apps',
      'cronjobs.batch',
      'poddisruptionbudgets.policy',
      'gizmos.example.com',
    ]);
  });

  it('keeps the archive order within a rank', () => {
    const items = [
      { name: 'b', resource: 'configmaps', group: '' },
      { name: 'x', resource: 'namespaces', group: '' },
      { name: 'a', resource: 'configmaps', group: '' },
    ];
    expect(restoreOrder(items, (i) => i).map((i) => i.name)).toEqual(['x', 'b', 'a']);
  });

  it('ranks unknown built-in types before custom resources, and RBAC rules before their bindings', () => {
    expect(restoreRank('ingresses', 'networking.k8s.io')).toBeLessThan(restoreRank('gizmos', 'example.com'));
    expect(restoreRank('roles', 'rbac.authorization.k8s.io')).toBeLessThan(
      restoreRank('rolebindings', 'rbac.authorization.k8s.io'),
    );
    expect(restoreRank('deployments', 'apps')).toBeGreaterThan(restoreRank('configmaps', ''));
  });
});
