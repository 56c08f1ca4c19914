import { describe, expect, it } from 'vitest';
import { defaultBackupTtlSeconds, parseBackupSpec } from './BackupSpec.ts';
import { parseDuration } from './parseDuration.ts';
import { parseRestoreSpec, targetNamespaceOf } from './RestoreSpec.ts';
import { WireError } from './WireError.ts';

function errorOf(parse: () => unknown): { field: string; problem: string } {
  try {
    parse();
  } catch (error) {
    if (error instanceof WireError) return { field: error.field, problem: error.problem };
    throw error;
  }
  throw new Error('parsed');
}

describe('parseBackupSpec', () => {
  const minimal = { clusterId: 'c1', locationId: 'l1' };

  it('fills defaults and round-trips its own output', () => {
    const spec = parseBackupSpec(minimal);
    expect(spec).toEqual({
      version: 1,
      clusterId: 'c1',
      locationId: 'l1',
      includeNamespaces: [],
      excludeNamespaces: [],
      labelSelectors: [],
      includeResources: [],
      excludeResources: [],
      clusterScoped: 'auto',
      volumes: true,
      preRuleId: null,
      postRuleId: null,
      ttlSeconds: defaultBackupTtlSeconds,
      labels: {},
    });
    expect(parseBackupSpec(JSON.parse(JSON.stringify(spec)))).toEqual(spec);
  });

  it('accepts a full spec', () => {
    const spec = parseBackupSpec({
      ...minimal,
      includeNamespaces: ['shop', 'shop-*'],
      excludeNamespaces: ['kube-system'],
      labelSelectors: ['app=web', 'tier in (db)'],
      includeResources: ['deployments.apps', 'configmaps', 'certificates.cert-manager.io'],
      clusterScoped: 'none',
      volumes: false,
      ttlSeconds: 3600,
      labels: { 'fleetback.io/schedule': 'nightly' },
    });
    expect(spec.labelSelectors).toEqual(['app=web', 'tier in (db)']);
    expect(spec.clusterScoped).toBe('none');
  });

  it.each([
    [{ locationId: 'l1' }, 'clusterId', /non-empty string/],
    [{ ...minimal, includeNamespaces: ['Shop'] }, 'includeNamespaces[0]', /namespace/],
    [{ ...minimal, includeNamespaces: 'shop' }, 'includeNamespaces', /list of strings/],
    [{ ...minimal, labelSelectors: ['app=web', 'app in ()'] }, 'labelSelectors[1]', /at least one value/],
    [{ ...minimal, labelSelectors: [''] }, 'labelSelectors[0]', /must not be empty/],
    [{ ...minimal, includeResources: ['Deployments'] }, 'includeResources[0]', /resource type/],
    [{ ...minimal, clusterScoped: 'some' }, 'clusterScoped', /auto, all, none/],
    [{ ...minimal, ttlSeconds: 5 }, 'ttlSeconds', /whole number/],
    [{ ...minimal, labels: { 'a b': 'x' } }, 'labels.a b', /label key/],
    [{ ...minimal, includeNamespaces: ['a', 'a'] }, 'includeNamespaces[1]', /twice/],
    [{ ...minimal, includeNamespaces: ['a'], excludeNamespaces: ['a'] }, 'includeNamespaces', /both/],
    [{ ...minimal, version: 2 }, 'version', /not a version of the backup spec/],
    [{ ...minimal, version: '1' }, 'version', /whole number/],
  ])('names the bad field of %j', (input, field, problem) => {
    const error = errorOf(() => parseBackupSpec(input));
    expect(error.field).toBe(field);
    expect(error.problem).toMatch(problem);
  });
});

describe('parseRestoreSpec', () => {
  const minimal = { backupId: 'b1', targetClusterId: 'c2' };

  it('fills defaults and maps namespaces', () => {
    const spec = parseRestoreSpec({ ...minimal, namespaceMapping: { shop: 'shop-copy' } });
    expect(spec.existingResourcePolicy).toBe('skip');
    expect(spec.dryRun).toBe(false);
    expect(targetNamespaceOf(spec, 'shop')).toBe('shop-copy');
    expect(targetNamespaceOf(spec, 'other')).toBe('other');
    expect(parseRestoreSpec(JSON.parse(JSON.stringify(spec)))).toEqual(spec);
  });

  it.each([
    [{ ...minimal, existingResourcePolicy: 'merge' }, 'existingResourcePolicy', /skip, update, replace/],
    [{ ...minimal, namespaceMapping: { shop: 'Shop' } }, 'namespaceMapping.shop', /namespace/],
    [{ ...minimal, namespaceMapping: { a: 'x', b: 'x' } }, 'namespaceMapping.b', /already does/],
    [{ ...minimal, storageClassMapping: { gp2: 'GP3' } }, 'storageClassMapping.gp2', /storage class/],
    [{ ...minimal, dryRun: 'yes' }, 'dryRun', /true or false/],
    [{ backupId: 'b1' }, 'targetClusterId', /non-empty/],
  ])('names the bad field of %j', (input, field, problem) => {
    const error = errorOf(() => parseRestoreSpec(input));
    expect(error.field).toBe(field);
    expect(error.problem).toMatch(problem);
  });
});

describe('parseDuration', () => {
  it('reads Velero-style durations', () => {
    expect(parseDuration('720h', 'ttl')).toBe(720 * 3600);
    expect(parseDuration('30d', 'ttl')).toBe(30 * 86_400);
    expect(parseDuration('1h30m', 'ttl')).toBe(5400);
  });

  it.each(['', '10', '1w', 'h', '30m1h', '1h1h'])('refuses %j', (text) => {
    expect(errorOf(() => parseDuration(text, 'ttl')).field).toBe('ttl');
  });
});
