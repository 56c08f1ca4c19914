import type { EntityManager } from '@mikro-orm/core';
import { NotFoundError } from '../errors/errors.ts';
import { TenantEntity } from './TenantEntity.ts';

/**
 * Fails with NOT_FOUND unless `tenantId` names a tenant the caller can see. `authorize` settles what a
 * caller's grants allow but not that the tenant exists, and a hub administrator holds every grant: without
 * this, a made-up id (the README's `<tenant id>`) would create objects in a tenant nobody can list.
 */
export async function requireTenant(em: EntityManager, tenantId: string): Promise<void> {
  if ((await em.count(TenantEntity, { id: tenantId })) === 0) throw new NotFoundError('Tenant', tenantId);
}
