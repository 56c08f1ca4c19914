import { describe, expect, it } from 'vitest';
import { leftOutClusterObjects } from './leftOutClusterObjects.ts';
import type { RestorePlanItem } from './RestorePlanItem.ts';

const item = (type: string, namespace: string | null, name: string) =>
  ({ type, name, targetNamespace: namespace, entry: { path: `${type}/${namespace}/${name}`, namespace } }) as RestorePlanItem;

describe('leftOutClusterObjects', () => {
  const candidates = [
    item('configmaps', 'shop', 'a'),
    item('clusterroles.rbac.authorization.k8s.io', null, 'shop-reader'),
    item('clusterroles.rbac.authorization.k8s.io', null, 'cluster-admin'),
    item('clusterroles.rbac.authorization.k8s.io', null, 'view'),
    item('persistentvolumes', null, 'pv-other'),
  ];

  it('counts what auto left out, by type', () => {
    expect(leftOutClusterObjects(candidates, candidates.slice(0, 2))).toBe(
      'clusterScoped: auto restored only the cluster-scoped objects the restored objects need; 3 more in the backup ' +
        'were left out (2 clusterroles.rbac.authorization.k8s.io, 1 persistentvolumes); clusterScoped: all restores them',
    );
  });

  it('says nothing when nothing was left out', () => {
    expect(leftOutClusterObjects(candidates, candidates)).toBeUndefined();
  });
});
