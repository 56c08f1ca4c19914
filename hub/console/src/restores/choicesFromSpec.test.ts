import { expect, it } from 'vitest';
import { choicesFromSpec } from './choicesFromSpec.ts';
import type { RestoreSpecData } from './RestoreData.ts';
import { restoreInputOf } from './restoreInputOf.ts';

const spec: RestoreSpecData = {
  namespaceMapping: [
    { from: 'shop', to: 'shop-copy' },
    { from: 'other', to: 'other-copy' },
  ],
  includeNamespaces: ['shop', 'other'],
  excludeNamespaces: [],
  includeResources: [],
  excludeResources: ['secrets', 'events.events.k8s.io'],
  labelSelectors: ['app=shop,tier in (web, api)'],
  existingResourcePolicy: 'replace',
  clusterScoped: 'none',
  storageClassMapping: [{ from: 'standard', to: 'fast' }],
  dryRun: true,
};

it('fills the form with an earlier restore’s choices, which give the same input back', () => {
  const kinds = ['configmaps', 'secrets'];
  const choices = choicesFromSpec(spec, 'cluster-b', kinds, ['shop', 'db', 'web-*']);
  expect(choices.namespaceMapping.map((r) => [r.from, r.to])).toEqual([
    ['shop', 'shop-copy'],
    ['db', ''],
    ['other', 'other-copy'],
  ]);
  expect(choices.excludedKinds).toEqual(['secrets']);
  expect(choices.excludeResources).toBe('events.events.k8s.io');
  const result = restoreInputOf('backup-1', choices, kinds, true);
  expect(result).toEqual({
    ok: true,
    input: { ...spec, backupId: 'backup-1', targetClusterId: 'cluster-b' },
  });
});
