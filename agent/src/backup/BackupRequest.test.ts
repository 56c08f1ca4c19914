import { describe, expect, it } from 'vitest';
import { parseBackupSpec } from '#schema/contracts/BackupSpec';
import type { ApiResourceType } from '../kube/ApiResourceType.ts';
import { qualifiedResourceName } from '../kube/ApiResourceType.ts';
import { resolveBackupRequest } from './BackupRequest.ts';

function aType(group: string, plural: string, namespaced = true): ApiResourceType {
  return { group, version: 'v1', kind: plural, plural, namespaced, verbs: ['get', 'list'] };
}

const served = [
  aType('', 'configmaps'),
  aType('', 'secrets'),
  aType('', 'events'),
  aType('', 'nodes', false),
  aType('', 'namespaces', false),
  aType('', 'persistentvolumes', false),
  aType('apps', 'deployments'),
  aType('events.k8s.io', 'events'),
  aType('coordination.k8s.io', 'leases'),
  aType('metrics.k8s.io', 'pods'),
  aType('example.com', 'widgets'),
];

const namespaces = [
  { name: 'shop-eu', phase: 'Active' },
  { name: 'shop-us', phase: 'Active' },
  { name: 'kube-system', phase: 'Active' },
];

function resolve(spec: Record<string, unknown>, warnings: string[] = [], extraNamespaces = namespaces.slice(0, 0)) {
  const backupSpec = parseBackupSpec({ version: 1, clusterId: 'c', locationId: 'l', ...spec });
  return resolveBackupRequest(backupSpec, { types: served, warnings }, [...namespaces, ...extraNamespaces]);
}

const names = (types: ApiResourceType[]) => types.map(qualifiedResourceName);

describe('resolveBackupRequest', () => {
  it('takes every served type but the always-excluded ones when the spec names none', () => {
    const request = resolve({});
    expect(names(request.namespacedTypes)).toEqual([
      'configmaps',
      'secrets',
      'deployments.apps',
      'widgets.example.com',
    ]);
    expect(names(request.clusterTypes)).toEqual(['namespaces', 'persistentvolumes']);
    expect(request.listClusterWide).toBe(true);
  });

  it('applies include and exclude lists, qualified or bare, excludes winning', () => {
    const request = resolve({
      includeResources: ['deployments', 'widgets', 'events'],
      excludeResources: ['widgets.example.com'],
    });
    expect(names(request.namespacedTypes)).toEqual(['deployments.apps']);
    expect(request.warnings).toEqual([
      'events is never backed up: a record of what happened, not desired state',
      'events.events.k8s.io is never backed up: the same events through the events.k8s.io API',
    ]);
  });

  it('warns about resource names the cluster does not serve', () => {
    expect(resolve({ excludeResources: ['secret'] }).warnings).toEqual([
      "excludeResources: 'secret' is not a resource type the cluster serves",
    ]);
  });

  it('takes no cluster-scoped types under clusterScoped none', () => {
    expect(resolve({ clusterScoped: 'none' }).clusterTypes).toEqual([]);
  });

  it('resolves namespace globs, skips terminating namespaces and lets excludes win', () => {
    const request = resolve({ includeNamespaces: ['shop-*', 'missing-*'], excludeNamespaces: ['shop-us'] }, [], [
      { name: 'shop-old', phase: 'Terminating' },
    ]);
    expect(request.namespaces).toEqual(['shop-eu']);
    expect(request.listClusterWide).toBe(false);
    expect(request.warnings).toEqual([
      "includeNamespaces: 'missing-*' matches no namespace in the cluster",
      'namespace shop-old is being deleted and is not backed up',
    ]);
    expect(request.errors).toEqual([]);
  });

  it('makes a namespace the spec names but the cluster does not have an error, so the backup is PartiallyFailed, not Completed with nothing', () => {
    const request = resolve({ includeNamespaces: ['shop-eu', 'missing'] });
    expect(request.namespaces).toEqual(['shop-eu']);
    expect(request.errors).toEqual([
      "includeNamespaces: namespace 'missing' does not exist in the cluster, so nothing of it is backed up",
    ]);
  });

  it('parses the label selectors and carries discovery warnings', () => {
    const discoveryWarnings = ['metrics.k8s.io/v1beta1: HTTP 503'];
    const request = resolve({ labelSelectors: ['app=shop', 'tier in (web)'] }, discoveryWarnings);
    expect(request.labelSelectors).toEqual([
      [{ key: 'app', operator: 'Equals', value: 'shop' }],
      [{ key: 'tier', operator: 'In', values: ['web'] }],
    ]);
    expect(request.warnings).toEqual(['discovery of metrics.k8s.io/v1beta1: HTTP 503']);
  });
});
