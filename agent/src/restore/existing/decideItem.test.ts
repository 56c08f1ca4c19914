import { describe, expect, it } from 'vitest';
import type { ExistingResourcePolicy } from '#schema/contracts/RestoreSpec';
import type { KubeObject } from '../KubeObject.ts';
import type { RestorePlanItem } from '../RestorePlanItem.ts';
import { isBoundVolume } from './isBoundVolume.ts';
import { boundVolumeReason, claimReason, clusterScopedReason, decideItem } from './decideItem.ts';

const restoreId = 'r-1';
const item = (type: string, namespace: string | null = 'shop') => ({ type, targetNamespace: namespace, name: 'x' }) as RestorePlanItem;
const object = (kind: string, body: object = {}, labels?: Record<string, string>): KubeObject => ({
  apiVersion: 'v1',
  kind,
  metadata: { name: 'x', uid: 'target-uid', labels },
  ...body,
});
const decide = (type: string, desired: KubeObject, existing: KubeObject | undefined, policy: ExistingResourcePolicy, ns?: string | null) =>
  decideItem(item(type, ns), desired, existing, policy, restoreId);

describe('decideItem', () => {
  it('creates what the target lacks, whatever the policy', () => {
    for (const policy of ['skip', 'update', 'replace'] as const) {
      expect(decide('configmaps', object('ConfigMap'), undefined, policy)).toEqual({ action: 'create' });
    }
  });

  it("keeps an object an earlier attempt of the same restore created, recorded with its uid, under any policy", () => {
    const ours = object('ConfigMap', {}, { 'fleetback.io/restore': restoreId });
    for (const policy of ['skip', 'update', 'replace'] as const) {
      expect(decide('configmaps', object('ConfigMap'), ours, policy)).toEqual({ action: 'keep', uid: 'target-uid' });
    }
    const anotherRestores = object('ConfigMap', {}, { 'fleetback.io/restore': 'r-0' });
    expect(decide('configmaps', object('ConfigMap'), anotherRestores, 'skip')).toMatchObject({ action: 'skip' });
  });

  it('skips an existing object under policy skip', () => {
    expect(decide('configmaps', object('ConfigMap'), object('ConfigMap'), 'skip')).toEqual({
      action: 'skip',
      reason: 'it exists in the target (existingResourcePolicy: skip)',
    });
  });

  it('replaces a namespaced object under policy replace', () => {
    expect(decide('configmaps', object('ConfigMap'), object('ConfigMap'), 'replace')).toEqual({ action: 'replace' });
  });

  it('never deletes a cluster-scoped object: a CRD, a StorageClass, a Namespace under replace are updated, saying so', () => {
    const crd = object('CustomResourceDefinition', { spec: { scope: 'Namespaced' } });
    for (const type of ['customresourcedefinitions.apiextensions.k8s.io', 'clusterroles.rbac.authorization.k8s.io', 'namespaces']) {
      expect(decide(type, crd, structuredClone(crd), 'replace', null), type).toEqual({ action: 'update', note: clusterScopedReason });
    }
  });

  it('refuses to replace a bound PersistentVolume or claim, and skips updating one', () => {
    const pv = object('PersistentVolume', { spec: { claimRef: { name: 'data', namespace: 'shop', uid: 'c' } }, status: { phase: 'Bound' } });
    const pvc = object('PersistentVolumeClaim', { spec: { volumeName: 'pv-1' }, status: { phase: 'Bound' } });
    expect(decide('persistentvolumes', pv, pv, 'replace', null)).toEqual({ action: 'skip', reason: boundVolumeReason });
    expect(decide('persistentvolumeclaims', pvc, pvc, 'replace')).toEqual({ action: 'skip', reason: boundVolumeReason });
    expect(decide('persistentvolumes', pv, pv, 'update', null)).toMatchObject({ action: 'skip', reason: expect.stringMatching(/^a bound PersistentVolume is never changed/) });
    expect(decide('persistentvolumeclaims', pvc, pvc, 'update')).toMatchObject({ action: 'skip', reason: expect.stringMatching(/claim's spec cannot change/i) });
  });

  it('does not replace a claim that is not bound either: a pod may use it, its StatefulSet recreates it', () => {
    const pending = object('PersistentVolumeClaim', { spec: {}, status: { phase: 'Pending' } });
    expect(decide('persistentvolumeclaims', pending, pending, 'replace')).toEqual({ action: 'skip', reason: claimReason });
  });

  it('skips updating a Job with the reason, replaces a finished Job, and leaves a running one alone', () => {
    const finished = object('Job', { status: { conditions: [{ type: 'Complete', status: 'True' }] } });
    const running = object('Job', { status: { active: 1 } });
    expect(decide('jobs.batch', object('Job'), finished, 'update')).toMatchObject({ action: 'skip', reason: expect.stringMatching(/^a Job's selector and pod template cannot change/) });
    expect(decide('jobs.batch', object('Job'), finished, 'replace')).toEqual({ action: 'replace' });
    expect(decide('jobs.batch', object('Job'), running, 'replace')).toMatchObject({ action: 'skip', reason: expect.stringMatching(/has not finished/) });
  });

  it('reads a Job condition that is not an object, or a volume spec of another shape, as no answer, not a TypeError', () => {
    const odd = object('Job', { status: { conditions: [null, { type: 'Failed', status: 'True' }] } });
    expect(decide('jobs.batch', object('Job'), odd, 'replace')).toEqual({ action: 'replace' });
    const volume = object('PersistentVolume', { spec: { claimRef: 'claim' }, status: null });
    expect(isBoundVolume('persistentvolumes', volume)).toBe(false);
    expect(isBoundVolume('persistentvolumeclaims', object('PersistentVolumeClaim', { spec: 'bound' }))).toBe(false);
  });

  it('skips updating what the API server keeps immutable, and updates what only differs elsewhere', () => {
    const deployment = (app: string, replicas: number) => object('Deployment', { spec: { selector: { matchLabels: { app } }, replicas } });
    expect(decide('deployments.apps', deployment('web', 2), deployment('web', 1), 'update')).toEqual({ action: 'update' });
    expect(decide('deployments.apps', deployment('web', 2), deployment('shop', 1), 'update')).toEqual({
      action: 'skip',
      reason: "spec.selector cannot change once created and differs from the backup's; the target's object is kept",
    });
    const sealed = (data: object) => object('ConfigMap', { data, immutable: true });
    expect(decide('configmaps', sealed({ a: '1' }), sealed({ a: '1' }), 'update')).toEqual({ action: 'update' });
    expect(decide('configmaps', sealed({ a: '2' }), sealed({ a: '1' }), 'update')).toMatchObject({
      action: 'skip',
      reason: expect.stringMatching(/^it is immutable in the target \(immutable: true\) and its data differs/),
    });
    const claims = (size: string) => object('StatefulSet', { spec: { selector: {}, volumeClaimTemplates: [{ spec: { resources: { requests: { storage: size } } } }] } });
    expect(decide('statefulsets.apps', claims('2Gi'), claims('1Gi'), 'update')).toMatchObject({
      action: 'skip',
      reason: expect.stringMatching(/^spec.volumeClaimTemplates cannot change/),
    });
    const binding = (role: string) => object('RoleBinding', { roleRef: { kind: 'Role', name: role } });
    expect(decide('rolebindings.rbac.authorization.k8s.io', binding('a'), binding('b'), 'update')).toMatchObject({ action: 'skip' });
    const storageClass = (provisioner: string) => object('StorageClass', { provisioner });
    expect(decide('storageclasses.storage.k8s.io', storageClass('a'), storageClass('b'), 'replace', null)).toMatchObject({
      action: 'skip',
      reason: expect.stringMatching(/^provisioner cannot change/),
    });
  });

  it('compares objects regardless of key order', () => {
    const a = object('Deployment', { spec: { selector: { matchLabels: { app: 'web', tier: 'front' } } } });
    const b = object('Deployment', { spec: { selector: { matchLabels: { tier: 'front', app: 'web' } } } });
    expect(decide('deployments.apps', a, b, 'update')).toEqual({ action: 'update' });
  });
});
