import { describe, expect, it } from 'vitest';
import type { PvcSummary, WorkloadSummary } from '#schema/agent/ClusterInventory';
import type { CachedSummary, KindCache } from './CachedSummary.ts';
import { namespaceInventoryOf, type NamespaceSources } from './namespaceInventoryOf.ts';

/** A cache holding `entries` as [namespace, name, summary]. */
function cacheOf<S>(kind: string, entries: [string, string, S][]): KindCache<S> {
  const cached: CachedSummary<S>[] = entries.map(([namespace, name, summary]) => ({
    metadata: { name, namespace: namespace || undefined },
    summary,
  }));
  return {
    kind,
    get: (name, namespace) =>
      cached.find((c) => c.metadata.name === name && c.metadata.namespace === namespace),
    list: (namespace) => cached.filter((c) => namespace === undefined || c.metadata.namespace === namespace),
  };
}

const workload = (kind: WorkloadSummary['kind'], name: string): WorkloadSummary => ({
  kind,
  name,
  labels: {},
  replicas: kind === 'Deployment' ? 1 : null,
  readyReplicas: kind === 'Deployment' ? 0 : null,
});
const claim = (name: string): PvcSummary => ({
  name,
  labels: {},
  storageClassName: 'fast',
  requestedStorage: '1Gi',
  phase: 'Bound',
  volumeName: null,
});

function sources(): NamespaceSources {
  return {
    namespaces: cacheOf<Record<string, string>>('Namespace', [
      ['', 'shop', { team: 'web' }],
      ['', 'empty', {}],
    ]),
    workloads: [
      cacheOf('Deployment', [
        ['shop', 'web', workload('Deployment', 'web')],
        ['shop', 'api', workload('Deployment', 'api')],
        ['other', 'x', workload('Deployment', 'x')],
      ]),
      cacheOf('CronJob', [['shop', 'report', workload('CronJob', 'report')]]),
      cacheOf('Job', []),
    ],
    persistentVolumeClaims: cacheOf('PersistentVolumeClaim', [
      ['shop', 'logs', claim('logs')],
      ['shop', 'data', claim('data')],
    ]),
    counted: [
      cacheOf('Secret', [['shop', 's', null]]),
      cacheOf('ConfigMap', [
        ['shop', 'a', null],
        ['shop', 'b', null],
      ]),
      cacheOf('Pod', [['other', 'p', null]]),
    ],
  };
}

describe('namespaceInventoryOf', () => {
  it('sorts workloads by kind then name and claims by name, and counts every kind present', () => {
    const inventory = namespaceInventoryOf('shop', sources());
    expect(inventory?.labels).toEqual({ team: 'web' });
    expect(inventory?.workloads.map((w) => `${w.kind}/${w.name}`)).toEqual([
      'CronJob/report',
      'Deployment/api',
      'Deployment/web',
    ]);
    expect(inventory?.persistentVolumeClaims.map((c) => c.name)).toEqual(['data', 'logs']);
    expect(inventory?.countsByKind).toEqual({
      ConfigMap: 2,
      CronJob: 1,
      Deployment: 2,
      PersistentVolumeClaim: 2,
      Secret: 1,
    });
    // Keys in a fixed order, so equal inventories serialize alike.
    expect(Object.keys(inventory?.countsByKind ?? {})).toEqual([
      'ConfigMap',
      'CronJob',
      'Deployment',
      'PersistentVolumeClaim',
      'Secret',
    ]);
  });

  it('omits zero counts', () => {
    expect(namespaceInventoryOf('empty', sources())).toEqual({
      name: 'empty',
      labels: {},
      workloads: [],
      persistentVolumeClaims: [],
      countsByKind: {},
    });
  });

  it('gives nothing for a namespace that is gone, even while its objects linger in the caches', () => {
    expect(namespaceInventoryOf('other', sources())).toBeUndefined();
  });
});
