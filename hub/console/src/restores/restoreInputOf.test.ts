import { describe, expect, it } from 'vitest';
import { mappingRow } from './MappingRow.ts';
import { initialRestoreChoices, type RestoreChoices } from './RestoreChoices.ts';
import { restoreInputOf } from './restoreInputOf.ts';

const kinds = ['configmaps', 'namespaces', 'secrets'];

function choices(overrides: Partial<RestoreChoices> = {}): RestoreChoices {
  return { ...initialRestoreChoices(['shop']), targetClusterId: 'cluster-b', ...overrides };
}

describe('restoreInputOf (the wizard’s form → createRestore’s input)', () => {
  it('keeps everything by default: all namespaces and kinds, existing objects skipped', () => {
    expect(restoreInputOf('backup-1', choices(), kinds, true)).toEqual({
      ok: true,
      input: {
        backupId: 'backup-1',
        targetClusterId: 'cluster-b',
        namespaceMapping: [],
        includeNamespaces: [],
        excludeNamespaces: [],
        includeResources: [],
        excludeResources: [],
        labelSelectors: [],
        existingResourcePolicy: 'skip',
        clusterScoped: 'auto',
        storageClassMapping: [],
        dryRun: true,
      },
    });
  });

  it('gives the dry run and the restore the same choices, differing only in dryRun', () => {
    const filled = choices({
      namespaceMapping: [mappingRow('shop', 'shop-copy')],
      includeNamespaces: 'shop, shop-*',
      excludeNamespaces: 'shop-tmp',
      excludedKinds: ['secrets'],
      excludeResources: 'events.events.k8s.io',
      includeResources: 'configmaps',
      labelSelectors: 'app=shop,tier in (web, api)\nteam=payments\n',
      existingResourcePolicy: 'update',
      clusterScoped: 'all',
      storageClassMapping: [mappingRow('standard', 'fast'), mappingRow()],
    });
    const dry = restoreInputOf('b', filled, kinds, true);
    const real = restoreInputOf('b', filled, kinds, false);
    expect(dry.ok && real.ok).toBe(true);
    if (!dry.ok || !real.ok) return;
    expect({ ...dry.input, dryRun: false }).toEqual(real.input);
    expect(real.input).toMatchObject({
      namespaceMapping: [{ from: 'shop', to: 'shop-copy' }],
      includeNamespaces: ['shop', 'shop-*'],
      excludeNamespaces: ['shop-tmp'],
      includeResources: ['configmaps'],
      excludeResources: ['secrets', 'events.events.k8s.io'],
      labelSelectors: ['app=shop,tier in (web, api)', 'team=payments'],
      existingResourcePolicy: 'update',
      clusterScoped: 'all',
      storageClassMapping: [{ from: 'standard', to: 'fast' }],
    });
  });

  it('lists every problem, each keyed to its control', () => {
    const result = restoreInputOf(
      'b',
      choices({
        targetClusterId: '',
        includeNamespaces: 'shop Bad_NS',
        excludeNamespaces: 'shop',
        namespaceMapping: [mappingRow('shop', 'NOPE')],
        excludedKinds: [...kinds],
        includeResources: 'ConfigMaps',
        storageClassMapping: [mappingRow('', 'fast')],
      }),
      kinds,
      false,
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((p) => p.field)).toEqual([
      'targetClusterId',
      'includeNamespaces',
      'excludeNamespaces',
      'namespaceMapping.0.to',
      'kinds',
      'includeResources',
      'storageClassMapping.0.from',
    ]);
    expect(result.problems[1]?.message).toBe('Not a namespace name or pattern: Bad_NS.');
    expect(result.problems[2]?.message).toBe('Namespaces both included and excluded: shop.');
  });

  it('ignores cleared boxes of kinds the backup does not hold', () => {
    const result = restoreInputOf('b', choices({ excludedKinds: ['configmaps', 'widgets'] }), kinds, false);
    expect(result.ok && result.input.excludeResources).toEqual(['configmaps']);
  });

  it('accepts a form without listed kinds (a backup without counts)', () => {
    const result = restoreInputOf('b', choices({ excludeResources: 'secrets' }), [], false);
    expect(result.ok && result.input.excludeResources).toEqual(['secrets']);
  });
});
