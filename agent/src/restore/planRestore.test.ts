import { describe, expect, it } from 'vitest';
import { parseRestoreSpec } from '../../../schema/spec/RestoreSpec.ts';
import type { IndexEntry } from '../backup/IndexEntry.ts';
import { planRestore } from './planRestore.ts';

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
    const plan = planRestore(backup, spec({ namespaceMapping: { shop: 'shop-copy' }, includeNamespaces: ['sh*'] }));
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
      spec({ includeResources: ['configmaps', 'deployments'], excludeNamespaces: ['tools'], labelSelectors: ['app=shop', 'x=y'] }),
    );
    expect(names(plan)).toEqual(['configmaps shop settings', 'deployments.apps shop web']);
  });

  it('plans from the labels the index records: no object is needed', () => {
    const plan = planRestore(backup, spec({ labelSelectors: ['app in (shop)'], excludeResources: ['namespaces', 'storageclasses'] }));
    expect(names(plan)).toEqual(['configmaps shop settings', 'configmaps tools x', 'deployments.apps shop web']);
    expect(plan.every((p) => !('object' in p))).toBe(true);
  });
});
