import { describe, expect, it } from 'vitest';
import { parseRestoreSpec } from '#schema/contracts/RestoreSpec';
import type { KubeObject } from '../KubeObject.ts';
import type { RestorePlanItem } from '../RestorePlanItem.ts';
import { lastAppliedAnnotation, lastAppliedConfigurationAction } from './lastAppliedConfigurationAction.ts';
import type { RestoreActionContext } from './RestoreAction.ts';

const contextWith = (namespaceMapping: Record<string, string>) =>
  ({ spec: parseRestoreSpec({ version: 1, backupId: 'b', targetClusterId: 'c', namespaceMapping }) }) as RestoreActionContext;
const objectWith = (kind: string, lastApplied: string): KubeObject => ({
  apiVersion: 'v1',
  kind,
  metadata: { name: 'x', namespace: 'copy', annotations: { [lastAppliedAnnotation]: lastApplied, other: 'kept' } },
});
const run = (type: string, object: KubeObject, mapping: Record<string, string>) =>
  lastAppliedConfigurationAction.run(object, { type } as RestorePlanItem, contextWith(mapping)) as { object: KubeObject };

describe('lastAppliedConfigurationAction', () => {
  it('rewrites the namespace the last-applied manifest names with the namespace mapping', () => {
    const manifest = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'x', namespace: 'shop' }, data: { a: 'b' } };
    const { object } = run('configmaps', objectWith('ConfigMap', `${JSON.stringify(manifest)}\n`), { shop: 'copy' });
    const rewritten = { ...manifest, metadata: { name: 'x', namespace: 'copy' } };
    expect(object.metadata.annotations).toEqual({ [lastAppliedAnnotation]: `${JSON.stringify(rewritten)}\n`, other: 'kept' });
  });

  it('rewrites a Namespace manifest’s name', () => {
    const manifest = { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'shop' } };
    const { object } = run('namespaces', objectWith('Namespace', JSON.stringify(manifest)), { shop: 'copy' });
    expect(JSON.parse(object.metadata.annotations?.[lastAppliedAnnotation] ?? '')).toEqual({ ...manifest, metadata: { name: 'copy' } });
  });

  it('leaves an annotation of an unmapped namespace, or one that is not a JSON object, as it is', () => {
    const unmapped = JSON.stringify({ metadata: { name: 'x', namespace: 'tools' } });
    expect(run('configmaps', objectWith('ConfigMap', unmapped), { shop: 'copy' }).object).toEqual(objectWith('ConfigMap', unmapped));
    expect(run('configmaps', objectWith('ConfigMap', '{not json'), { shop: 'copy' }).object).toEqual(objectWith('ConfigMap', '{not json'));
    expect(run('configmaps', objectWith('ConfigMap', 'null'), { shop: 'copy' }).object).toEqual(objectWith('ConfigMap', 'null'));
  });
});
