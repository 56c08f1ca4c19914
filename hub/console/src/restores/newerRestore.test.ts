import { expect, it } from 'vitest';
import { newerRestore } from './newerRestore.ts';
import type { RestoreData } from './RestoreData.ts';
import type { RestorePhase } from './restorePhase.ts';

function aRestore(phase: RestorePhase, itemsDone = 0): RestoreData {
  return {
    id: 'r1',
    tenantId: 't',
    backupId: 'b',
    sourceClusterId: 'a',
    targetClusterId: 'b',
    phase,
    spec: {
      namespaceMapping: [],
      includeNamespaces: [],
      excludeNamespaces: [],
      includeResources: [],
      excludeResources: [],
      labelSelectors: [],
      existingResourcePolicy: 'skip',
      clusterScoped: 'auto',
      storageClassMapping: [],
      dryRun: false,
    },
    progress: { itemsDone, itemsTotal: 10, bytes: 0 },
    result: null,
    createdAt: '2026-01-01T00:00:00Z',
    startedAt: null,
    completedAt: null,
    itemCounts: { created: itemsDone, updated: 0, skipped: 0, failed: 0 },
  };
}

it('prefers the later phase, whichever source it came from', () => {
  const ended = aRestore('Completed', 10);
  expect(newerRestore(ended, aRestore('Running', 3))).toBe(ended);
  expect(newerRestore(aRestore('Pending'), ended)).toBe(ended);
  const failed = aRestore('Failed');
  expect(newerRestore(aRestore('Running', 9), failed)).toBe(failed);
});

it('prefers more items done in the same phase, and the live state on a tie', () => {
  const ahead = aRestore('Running', 5);
  expect(newerRestore(ahead, aRestore('Running', 4))).toBe(ahead);
  const live = aRestore('Running', 5);
  expect(newerRestore(aRestore('Running', 5), live)).toBe(live);
});

it('takes whichever there is', () => {
  const only = aRestore('Pending');
  expect(newerRestore(undefined, only)).toBe(only);
  expect(newerRestore(only, undefined)).toBe(only);
  expect(newerRestore(undefined, undefined)).toBeUndefined();
});
