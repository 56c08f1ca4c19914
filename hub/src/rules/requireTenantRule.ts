import type { EntityManager } from '@mikro-orm/core';
import { NotFoundError } from '../errors/errors.ts';
import { RuleEntity } from './RuleEntity.ts';

/** Fails with NOT_FOUND unless `id` is a rule of `tenantId` that the caller can see. */
export async function requireTenantRule(em: EntityManager, tenantId: string, id: string): Promise<void> {
  if ((await em.count(RuleEntity, { id, tenantId })) === 0) throw new NotFoundError('Rule', id);
}
