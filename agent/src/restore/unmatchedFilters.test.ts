import { describe, expect, it } from 'vitest';
import { parseRestoreSpec } from '#schema/contracts/RestoreSpec';
import type { IndexEntry } from '../backup/IndexEntry.ts';
import { unmatchedFilters } from './unmatchedFilters.ts';

function item(group: string, resource: string, kind: string, namespace: string | null, name: string, labels = {}): IndexEntry {
  return { path: `${resource}/${namespace}/${name}`, group, version: 'v1', kind, resource, namespace, name, labels, size: 0, sha256: '' };
}

const backup = [
  item('apps', 'deployments', 'Deployment', 'shop', 'web', { app: 'shop' }),
  item('', 'configmaps', 'ConfigMap', 'shop', 'settings', { app: 'shop' }),
  item('', 'configmaps', 'ConfigMap', 'tools', 'x', { app: 'tools' }),
  item('', 'namespaces', 'Namespace', null, 'shop'),
  item('', 'namespaces', 'Namespace', null, 'empty'),
];
const warningsFor = (fields: Record<string, unknown>) =>
  unmatchedFilters(backup, parseRestoreSpec({ version: 1, backupId: 'b', targetClusterId: 'c', ...fields }));

describe('unmatchedFilters', () => {
  it('says nothing about filters that all match', () => {
    expect(
      warningsFor({
        includeNamespaces: ['sh*', 'empty'],
        excludeNamespaces: ['tools'],
        namespaceMapping: { shop: 'copy', empty: 'empty-copy' },
        includeResources: ['configmaps', 'deployments.apps', 'namespaces'],
        labelSelectors: ['app=shop'],
      }),
    ).toEqual([]);
  });

  it('warns of a namespace mapping whose source is not in the backup, or that the filters leave out', () => {
    expect(warningsFor({ namespaceMapping: { shpo: 'copy' } })).toEqual([
      `namespaceMapping: namespace 'shpo' is not in the backup, so nothing is restored into 'copy'`,
    ]);
    expect(warningsFor({ namespaceMapping: { tools: 'copy' }, includeNamespaces: ['shop'] })).toEqual([
      `namespaceMapping: namespace 'tools' is left out by the namespace filters, so nothing is restored into 'copy'`,
    ]);
  });

  it('warns of include and exclude namespaces that match no namespace of the backup', () => {
    expect(warningsFor({ includeNamespaces: ['shop', 'nope-*'], excludeNamespaces: ['gone'] })).toEqual([
      `includeNamespaces: 'nope-*' matches no namespace in the backup`,
      `excludeNamespaces: 'gone' matches no namespace in the backup`,
    ]);
  });

  it('warns of resource types the backup does not hold', () => {
    expect(warningsFor({ includeResources: ['configmaps', 'deploymnets.apps'], excludeResources: ['secrets'] })).toEqual([
      `includeResources: the backup holds no 'deploymnets.apps'`,
      `excludeResources: the backup holds no 'secrets'`,
    ]);
  });

  it('warns of a label selector that selects nothing among the namespaces and types selected', () => {
    expect(warningsFor({ labelSelectors: ['app=shop', 'app=nope'] })).toEqual([
      `labelSelectors: 'app=nope' selects nothing in the namespaces and types the restore selects`,
    ]);
    // app=tools matches only in a namespace the restore leaves out.
    expect(warningsFor({ labelSelectors: ['app=tools'], includeNamespaces: ['shop'] })).toHaveLength(1);
  });
});
