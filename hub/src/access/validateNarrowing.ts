import type { EntityManager } from '@mikro-orm/core';
import { ClusterEntity } from '../clusters/ClusterEntity.ts';
import { BadUserInputError } from '../errors/errors.ts';

const namespacePattern = /^[a-z0-9*]([-a-z0-9*]*[a-z0-9*])?$/;

/** Checks that narrowing cluster ids belong to the tenant and namespace patterns are well formed. */
export async function validateNarrowing(
  em: EntityManager,
  tenantId: string,
  clusterIds: string[],
  namespaces: string[],
): Promise<void> {
  for (const [i, ns] of namespaces.entries()) {
    if (ns.length > 63 || !namespacePattern.test(ns)) {
      throw new BadUserInputError(
        `input.namespaces[${i}]`,
        `'${ns}' is not a namespace name or pattern like 'shop-*'`,
      );
    }
  }
  if (clusterIds.length === 0) return;
  const found = await em.find(ClusterEntity, { id: { $in: clusterIds }, tenantId }, { fields: ['id'] });
  const known = new Set(found.map((c) => c.id));
  const missing = clusterIds.findIndex((id) => !known.has(id));
  if (missing >= 0) {
    throw new BadUserInputError(`input.clusterIds[${missing}]`, 'is not a cluster of this tenant');
  }
}
