import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../KubeObject.ts';
import type { RestorePlanItem } from '../RestorePlanItem.ts';
import { ownerReferencesAction } from './ownerReferencesAction.ts';
import { ownerKey, type OwnerReference, type RestoreActionContext } from './RestoreAction.ts';

const ref = (kind: string, name: string, uid: string, apiVersion = 'example.com/v1'): OwnerReference => ({ apiVersion, kind, name, uid });
const owned = (...ownerReferences: OwnerReference[]): KubeObject => ({
  apiVersion: 'v1',
  kind: 'ConfigMap',
  metadata: { name: 'child', namespace: 'copy', ownerReferences },
});
const item = { type: 'configmaps', targetNamespace: 'copy', name: 'child' } as RestorePlanItem;

describe('ownerReferencesAction', () => {
  it('re-points references at restored owners, defers those restored later, drops the rest', async () => {
    const deferred: OwnerReference[] = [];
    const context = {
      // The owner was restored under v1beta1; a reference naming v1 of the same group still finds it.
      restoredUids: new Map([[ownerKey('example.com/v1beta1', 'Shop', 'copy', 'early'), 'new-early']]),
      plannedOwners: new Set([ownerKey('example.com/v1', 'Shop', 'copy', 'late')]),
      deferOwnerReference: (_item: RestorePlanItem, reference: OwnerReference) => deferred.push(reference),
    } as unknown as RestoreActionContext;
    const result = await ownerReferencesAction.run(
      owned(ref('Shop', 'early', 'old-early'), ref('Shop', 'late', 'old-late'), ref('Shop', 'gone', 'old-gone')),
      item,
      context,
    );
    expect(result).toEqual({ object: owned(ref('Shop', 'early', 'new-early')) });
    expect(deferred).toEqual([ref('Shop', 'late', 'old-late')]);
  });

  it('removes the field when no reference is left', async () => {
    const context = { restoredUids: new Map(), plannedOwners: new Set(), deferOwnerReference: () => {} } as unknown as RestoreActionContext;
    const result = await ownerReferencesAction.run(owned(ref('Shop', 'gone', 'x')), item, context);
    expect(result).toEqual({ object: { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'child', namespace: 'copy' } } });
  });
});
