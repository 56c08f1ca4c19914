import { describe, expect, it } from 'vitest';
import type { BackupSpec } from '#schema/contracts/BackupSpec';
import type { Principal } from '../auth/Principal.ts';
import { ForbiddenError } from '../errors/errors.ts';
import { authorizeRestoreEffect } from './authorizeRestoreEffect.ts';

const shopOperator: Principal = {
  kind: 'token',
  tokenId: 'x',
  grants: [{ tenantId: 't', role: 'operator', clusterIds: [], namespaces: ['shop-*'] }],
};
const backupOf = (includeNamespaces: string[], clusterScoped: BackupSpec['clusterScoped'] = 'auto') => ({
  tenantId: 't',
  clusterId: 'c1',
  spec: { includeNamespaces, clusterScoped } as BackupSpec,
});

describe('authorizeRestoreEffect', () => {
  it('refuses a namespace-narrowed operator replace/update from an all-namespaces backup into another cluster', () => {
    for (const policy of ['replace', 'update'] as const) {
      expect(() => authorizeRestoreEffect(shopOperator, backupOf([]), 'c2', { existingResourcePolicy: policy, clusterScoped: 'auto' })).toThrow(
        ForbiddenError,
      );
      expect(() =>
        authorizeRestoreEffect(shopOperator, backupOf(['shop-a'], 'all'), 'c2', { existingResourcePolicy: policy, clusterScoped: 'auto' }),
      ).toThrow(ForbiddenError);
    }
  });

  it('lets it skip existing objects, or overwrite from a backup of its own namespaces', () => {
    expect(() => authorizeRestoreEffect(shopOperator, backupOf([]), 'c2', { existingResourcePolicy: 'skip', clusterScoped: 'auto' })).not.toThrow();
    expect(() =>
      authorizeRestoreEffect(shopOperator, backupOf(['shop-a']), 'c2', { existingResourcePolicy: 'replace', clusterScoped: 'auto' }),
    ).not.toThrow();
  });

  it('lets an un-narrowed operator replace anything', () => {
    const operator: Principal = { ...shopOperator, grants: [{ ...shopOperator.grants[0]!, namespaces: [] }] };
    expect(() => authorizeRestoreEffect(operator, backupOf([], 'all'), 'c2', { existingResourcePolicy: 'replace', clusterScoped: 'auto' })).not.toThrow();
  });

  it("refuses a namespace-narrowed operator clusterScoped 'all', even under skip; lets an un-narrowed one", () => {
    for (const policy of ['skip', 'update', 'replace'] as const) {
      expect(() =>
        authorizeRestoreEffect(shopOperator, backupOf(['shop-a']), 'c1', { existingResourcePolicy: policy, clusterScoped: 'all' }),
      ).toThrow(ForbiddenError);
    }
    const operator: Principal = { ...shopOperator, grants: [{ ...shopOperator.grants[0]!, namespaces: [] }] };
    expect(() =>
      authorizeRestoreEffect(operator, backupOf(['shop-a']), 'c1', { existingResourcePolicy: 'skip', clusterScoped: 'all' }),
    ).not.toThrow();
  });
});
