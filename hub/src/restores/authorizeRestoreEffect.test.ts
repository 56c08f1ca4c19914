import { describe, expect, it } from 'vitest';
import type { BackupSpec } from '../../../schema/spec/BackupSpec.ts';
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
      expect(() => authorizeRestoreEffect(shopOperator, backupOf([]), 'c2', { existingResourcePolicy: policy })).toThrow(
        ForbiddenError,
      );
      expect(() =>
        authorizeRestoreEffect(shopOperator, backupOf(['shop-a'], 'all'), 'c2', { existingResourcePolicy: policy }),
      ).toThrow(ForbiddenError);
    }
  });

  it('lets it skip existing objects, or overwrite from a backup of its own namespaces', () => {
    expect(() => authorizeRestoreEffect(shopOperator, backupOf([]), 'c2', { existingResourcePolicy: 'skip' })).not.toThrow();
    expect(() =>
      authorizeRestoreEffect(shopOperator, backupOf(['shop-a']), 'c2', { existingResourcePolicy: 'replace' }),
    ).not.toThrow();
  });

  it('lets an un-narrowed operator replace anything', () => {
    const operator: Principal = { ...shopOperator, grants: [{ ...shopOperator.grants[0]!, namespaces: [] }] };
    expect(() => authorizeRestoreEffect(operator, backupOf([], 'all'), 'c2', { existingResourcePolicy: 'replace' })).not.toThrow();
  });
});
