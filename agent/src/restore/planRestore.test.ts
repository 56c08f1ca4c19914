import { describe, expect, it } from 'vitest';
import { parseRestoreSpec } from '#schema/contracts/RestoreSpec';
import type { IndexEntry } from '../backup/IndexEntry.ts';
import type { KubeObject } from './KubeObject.ts';
import { planRestore } from './planRestore.ts';
import { RestoreNeeds } from './RestoreNeeds.ts';

function item(group: string, resource: string, kind: string, namespace: string | null, name: string, labels = {}): IndexEntry {
  return { path: `${resource}/${name}`, group, version: 'v1', kind, resource, namespace, name, labels, size: 0, sha256: '' };
}

const backup = [
  item('apps', 'deployments', 'Deployment', 'shop', 'web', { app: 'shop' }),
  item('', 'configmaps', 'ConfigMap', 'shop', 'settings', { app: 'shop' }),
  item('', 'configmaps', 'ConfigMap', 'shop', 'other'),
  item('', 'configmaps', 'ConfigMap', 'tools', 'x', { app: 'shop' }),
  item('', 'namespaces', 'Namespace', null, 'shop', { app: 'shop' }),
  item('', 'namespaces', 'Namespace', null, 'tools', { app: 'shop' }),
  item('storage.k8s.io', 'storageclasses', 'StorageClass', null, 'fast', { app: 'shop' }),
];
const spec = (fields: Record<string, unknown>) =>
  parseRestoreSpec({ version: 1, backupId: 'b', targetClusterId: 'c', ...fields });
const names = (plan: ReturnType<typeof planRestore>) =>
  plan.map((p) => `${p.type} ${p.targetNamespace ?? '-'} ${p.name}`);

describe('planRestore', () => {
  it('maps namespaces, Namespace objects included, and orders by dependency', () => {
    const plan = planRestore(backup, spec({ namespaceMapping: { shop: 'shop-copy' }, includeNamespaces: ['sh*'], clusterScoped: 'all' }));
    expect(names(plan)).toEqual([
      'namespaces - shop-copy',
      'storageclasses.storage.k8s.io - fast',
      'configmaps shop-copy settings',
      'configmaps shop-copy other',
      'deployments.apps shop-copy web',
    ]);
    expect(plan.find((p) => p.type === 'configmaps')?.targetNamespace).toBe('shop-copy');
    // The index entries are not changed by planning: they keep the source side.
    expect(plan.find((p) => p.type === 'namespaces')?.entry.name).toBe('shop');
    expect(backup[1]?.namespace).toBe('shop');
  });

  it('applies resource filters, bare plurals included, and OR-ed label selectors; excludes win', () => {
    const plan = planRestore(
      backup,
      spec({ includeResources: ['configmaps', 'deployments'], excludeNamespaces: ['tools'], labelSelectors: ['app=shop', 'x=y'], clusterScoped: 'all' }),
    );
    expect(names(plan)).toEqual(['configmaps shop settings', 'deployments.apps shop web']);
  });

  it('plans from the labels the index records: no object is needed', () => {
    const plan = planRestore(backup, spec({ labelSelectors: ['app in (shop)'], excludeResources: ['namespaces', 'storageclasses'], clusterScoped: 'all' }));
    expect(names(plan)).toEqual(['configmaps shop settings', 'configmaps tools x', 'deployments.apps shop web']);
    expect(plan.every((p) => !('object' in p))).toBe(true);
  });

  describe('cluster-scoped objects follow the restored namespaces (clusterScoped)', () => {
    const rbac = 'rbac.authorization.k8s.io';
    const crdGroup = 'apiextensions.k8s.io';
    // An all-namespaces backup: shop's objects, another namespace's, and cluster-scoped objects of both.
    const objects: [IndexEntry, KubeObject][] = [
      object('', 'persistentvolumeclaims', 'PersistentVolumeClaim', 'shop', 'data', { spec: { volumeName: 'pv-shop', storageClassName: 'fast' } }),
      object(rbac, 'rolebindings', 'RoleBinding', 'shop', 'readers', { roleRef: { kind: 'ClusterRole', name: 'shop-reader' } }),
      object('apps', 'deployments', 'Deployment', 'shop', 'web', { spec: { template: { spec: { priorityClassName: 'high' } } } }),
      object('shop.example.com', 'carts', 'Cart', 'shop', 'c1', {}),
      object('', 'persistentvolumeclaims', 'PersistentVolumeClaim', 'tools', 'data', { spec: { volumeName: 'pv-tools' } }),
      object(rbac, 'rolebindings', 'RoleBinding', 'tools', 'admins', { roleRef: { kind: 'ClusterRole', name: 'cluster-admin' } }),
      object('', 'namespaces', 'Namespace', null, 'shop', {}),
      object('', 'namespaces', 'Namespace', null, 'tools', {}),
      object('', 'persistentvolumes', 'PersistentVolume', null, 'pv-shop', { spec: { storageClassName: 'slow' } }),
      object('', 'persistentvolumes', 'PersistentVolume', null, 'pv-tools', { spec: { storageClassName: 'fast' } }),
      object('storage.k8s.io', 'storageclasses', 'StorageClass', null, 'slow', {}),
      object('storage.k8s.io', 'storageclasses', 'StorageClass', null, 'fast', {}),
      object('storage.k8s.io', 'storageclasses', 'StorageClass', null, 'unused', {}),
      object(rbac, 'clusterroles', 'ClusterRole', null, 'shop-reader', {}),
      object(rbac, 'clusterroles', 'ClusterRole', null, 'cluster-admin', {}),
      object(rbac, 'clusterrolebindings', 'ClusterRoleBinding', null, 'cluster-admin', {}),
      object('scheduling.k8s.io', 'priorityclasses', 'PriorityClass', null, 'high', {}),
      object(crdGroup, 'customresourcedefinitions', 'CustomResourceDefinition', null, 'carts.shop.example.com', {}),
      object(crdGroup, 'customresourcedefinitions', 'CustomResourceDefinition', null, 'other.example.com', {}),
    ];
    const entries = objects.map(([entry]) => entry);
    /** Both plans, as a restore makes them: candidates, the archive pass inspecting them, then the narrowed plan. */
    const planTwice = (fields: Record<string, unknown>) => {
      const restore = spec(fields);
      const candidates = planRestore(entries, restore);
      const needs = new RestoreNeeds(restore);
      const byPath = new Map(objects.map(([entry, o]) => [entry.path, o]));
      for (const item of candidates) needs.inspect(item, structuredClone(byPath.get(item.entry.path) as KubeObject));
      return planRestore(entries, restore, { needed: needs.needed() });
    };
    const clusterScoped = (plan: ReturnType<typeof planRestore>) =>
      plan.filter((p) => p.targetNamespace === null).map((p) => `${p.type} ${p.name}`);

    it('a namespace-filtered restore takes only what its items need, transitively (auto, the default)', () => {
      expect(clusterScoped(planTwice({ includeNamespaces: ['shop'] }))).toEqual([
        'customresourcedefinitions.apiextensions.k8s.io carts.shop.example.com',
        'namespaces shop',
        'storageclasses.storage.k8s.io slow',
        'storageclasses.storage.k8s.io fast',
        'persistentvolumes pv-shop',
        'clusterroles.rbac.authorization.k8s.io shop-reader',
        'priorityclasses.scheduling.k8s.io high',
      ]);
    });

    it('never takes cluster-admin or a ClusterRoleBinding for a namespace whose items do not name them', () => {
      const names = clusterScoped(planTwice({ includeNamespaces: ['shop'], existingResourcePolicy: 'update' }));
      expect(names.filter((n) => n.includes('cluster-admin') || n.includes('unused') || n.includes('pv-tools'))).toEqual([]);
    });

    it('follows the needs of every restored namespace, without a namespace filter too', () => {
      const names = clusterScoped(planTwice({}));
      expect(names).toContain('clusterroles.rbac.authorization.k8s.io cluster-admin');
      expect(names).toContain('persistentvolumes pv-tools');
      expect(names).not.toContain('clusterrolebindings.rbac.authorization.k8s.io cluster-admin');
      expect(names).not.toContain('storageclasses.storage.k8s.io unused');
    });

    it('does not need a storage class that storageClassMapping maps away', () => {
      const names = clusterScoped(planTwice({ includeNamespaces: ['shop'], storageClassMapping: { fast: 'standard' } }));
      expect(names).not.toContain('storageclasses.storage.k8s.io fast');
      expect(names).toContain('storageclasses.storage.k8s.io slow');
    });

    it('all takes every cluster-scoped object that passes the resource filters; none takes none but Namespaces', () => {
      expect(clusterScoped(planTwice({ includeNamespaces: ['shop'], clusterScoped: 'all' }))).toHaveLength(12);
      expect(clusterScoped(planTwice({ includeNamespaces: ['shop'], clusterScoped: 'none' }))).toEqual(['namespaces shop']);
    });

    it('keeps every candidate before the needs are known, so the archive pass reads them', () => {
      expect(clusterScoped(planRestore(entries, spec({ includeNamespaces: ['shop'] })))).toHaveLength(12);
    });
  });
});

function object(group: string, resource: string, kind: string, namespace: string | null, name: string, fields: object): [IndexEntry, KubeObject] {
  const entry = { ...item(group, resource, kind, namespace, name), path: `${group}/${resource}/${namespace ?? '_cluster'}/${name}` };
  const metadata = namespace === null ? { name } : { name, namespace };
  return [entry, { apiVersion: group === '' ? 'v1' : `${group}/v1`, kind, metadata, ...fields }];
}
