import type { EntityManager } from '@mikro-orm/core';
import { AdminTokenEntity } from '../access/AdminTokenEntity.ts';
import { newSecret } from '../auth/secretToken.ts';

/**
 * Replaces the built-in admin token with a new one and returns it (`fleetback hub reset-admin-token`). The old
 * token stops working at once, on every replica, since each request looks the hash up. One transaction: a
 * failure leaves the old token in place.
 */
export async function resetAdminToken(em: EntityManager): Promise<string> {
  const secret = newSecret('fbk_admin');
  await em.transactional(async (tx) => {
    await tx.nativeDelete(AdminTokenEntity, {});
    tx.create(AdminTokenEntity, { secretHash: secret.hash });
  });
  return secret.token;
}
