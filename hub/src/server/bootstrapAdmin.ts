import type { EntityManager } from '@mikro-orm/core';
import { AdminTokenEntity } from '../access/AdminTokenEntity.ts';
import { newSecret } from '../auth/secretToken.ts';

/**
 * Makes the built-in admin token on the hub's first start and returns it, so it can be printed once.
 * Later starts return `undefined`: the token is stored only as a hash.
 */
export async function bootstrapAdmin(em: EntityManager): Promise<string | undefined> {
  if ((await em.count(AdminTokenEntity, {})) > 0) return undefined;
  const secret = newSecret('fbk_admin');
  em.create(AdminTokenEntity, { secretHash: secret.hash });
  await em.flush();
  return secret.token;
}
