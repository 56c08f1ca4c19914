import { describe, expect, it } from 'vitest';
import type { ApiResourceType } from '../kube/ApiResourceType.ts';
import { clusterDependencies } from './clusterDependencies.ts';

function aType(group: string, plural: string, kind: string): ApiResourceType {
  return { group, version: 'v1', kind, plural, namespaced: true, verbs: ['list'] };
}

const refsOf = (type: ApiResourceType, object: Record<string, unknown>) =>
  clusterDependencies(type, object).map((r) => `${r.resource} ${r.name}${r.optional ? ' (optional)' : ''}`);

describe('clusterDependencies', () => {
  it("names a PVC's namespace, bound volume and storage class", () => {
    const pvc = {
      metadata: { name: 'data', namespace: 'shop' },
      spec: { volumeName: 'pv-1', storageClassName: 'fast' },
    };
    expect(refsOf(aType('', 'persistentvolumeclaims', 'PersistentVolumeClaim'), pvc)).toEqual([
      'namespaces shop',
      'persistentvolumes pv-1',
      'storageclasses.storage.k8s.io fast',
    ]);
  });

  it('reads the storage class from the legacy annotation, and skips the empty class', () => {
    const legacy = {
      metadata: { name: 'pv-2', annotations: { 'volume.beta.kubernetes.io/storage-class': 'slow' } },
      spec: {},
    };
    expect(refsOf(aType('', 'persistentvolumes', 'PersistentVolume'), legacy)).toEqual([
      'storageclasses.storage.k8s.io slow',
    ]);
    const classless = { metadata: { name: 'pv-3' }, spec: { storageClassName: '' } };
    expect(refsOf(aType('', 'persistentvolumes', 'PersistentVolume'), classless)).toEqual([]);
  });

  it('names the ClusterRole of a RoleBinding, but not a Role', () => {
    const type = aType('rbac.authorization.k8s.io', 'rolebindings', 'RoleBinding');
    const toClusterRole = { metadata: { namespace: 'shop' }, roleRef: { kind: 'ClusterRole', name: 'view' } };
    const toRole = { metadata: { namespace: 'shop' }, roleRef: { kind: 'Role', name: 'reader' } };
    expect(refsOf(type, toClusterRole)).toContain('clusterroles.rbac.authorization.k8s.io view');
    expect(refsOf(type, toRole)).not.toContain('clusterroles.rbac.authorization.k8s.io reader');
  });

  it('names the priority and runtime classes of pods and of any pod template, and claim template classes', () => {
    const pod = {
      metadata: { namespace: 'shop' },
      spec: { priorityClassName: 'high', runtimeClassName: 'gvisor' },
    };
    expect(refsOf(aType('', 'pods', 'Pod'), pod)).toEqual([
      'namespaces shop',
      'priorityclasses.scheduling.k8s.io high',
      'runtimeclasses.node.k8s.io gvisor',
    ]);
    const cronJob = {
      metadata: { namespace: 'shop' },
      spec: { jobTemplate: { spec: { template: { spec: { priorityClassName: 'batch' } } } } },
    };
    expect(refsOf(aType('batch', 'cronjobs', 'CronJob'), cronJob)).toContain(
      'priorityclasses.scheduling.k8s.io batch',
    );
    const statefulSet = {
      metadata: { namespace: 'shop' },
      spec: {
        template: { spec: { priorityClassName: 'high' } },
        volumeClaimTemplates: [{ spec: { storageClassName: 'fast' } }],
      },
    };
    expect(refsOf(aType('apps', 'statefulsets', 'StatefulSet'), statefulSet)).toEqual([
      'namespaces shop',
      'priorityclasses.scheduling.k8s.io high',
      'storageclasses.storage.k8s.io fast',
    ]);
  });

  it('names the CRD of a type whose group could be custom, as optional', () => {
    const widget = { metadata: { namespace: 'shop', name: 'w' } };
    expect(refsOf(aType('example.com', 'widgets', 'Widget'), widget)).toEqual([
      'namespaces shop',
      'customresourcedefinitions.apiextensions.k8s.io widgets.example.com (optional)',
    ]);
    expect(refsOf(aType('apps', 'deployments', 'Deployment'), { metadata: { namespace: 'shop' } })).toEqual([
      'namespaces shop',
    ]);
  });
});
