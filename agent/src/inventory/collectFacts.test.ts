import { describe, expect, it } from 'vitest';
import type { CachedSummary, SummaryCache } from './CachedSummary.ts';
import { collectFacts } from './collectFacts.ts';

function cacheOf<S>(entries: [string, S][]): SummaryCache<S> {
  const cached: CachedSummary<S>[] = entries.map(([name, summary]) => ({ metadata: { name }, summary }));
  return { get: (name) => cached.find((c) => c.metadata.name === name), list: () => cached };
}

describe('collectFacts', () => {
  const sources = {
    nodes: cacheOf([
      ['n1', null],
      ['n2', null],
    ]),
    storageClasses: cacheOf([
      ['slow', { name: 'slow', provisioner: 'p', isDefault: false }],
      ['fast', { name: 'fast', provisioner: 'p', isDefault: true }],
    ]),
    csiDrivers: cacheOf([
      ['z.csi.io', null],
      ['a.csi.io', null],
    ]),
  };

  it('counts nodes and lists classes and drivers sorted by name', () => {
    expect(collectFacts('v1.35.0', sources)).toEqual({
      kubernetesVersion: 'v1.35.0',
      nodeCount: 2,
      storageClasses: [
        { name: 'fast', provisioner: 'p', isDefault: true },
        { name: 'slow', provisioner: 'p', isDefault: false },
      ],
      csiDrivers: ['a.csi.io', 'z.csi.io'],
      volumeSnapshotClasses: [],
    });
  });

  it('lists VolumeSnapshotClasses when the cluster serves them', () => {
    const volumeSnapshotClasses = cacheOf([
      ['snap', { name: 'snap', driver: 'a.csi.io', deletionPolicy: 'Delete' }],
    ]);
    expect(collectFacts('v1.35.0', { ...sources, volumeSnapshotClasses }).volumeSnapshotClasses).toEqual([
      { name: 'snap', driver: 'a.csi.io', deletionPolicy: 'Delete' },
    ]);
  });
});
