import type { EntityManager } from '@mikro-orm/core';
import { AdminTokenEntity } from '../access/AdminTokenEntity.ts';
import { newSecret } from '../auth/secretToken.ts';

/**
 * Makes the built-in admin token when the hub has none, hands it to `show` and only then stores its hash, so
 * a start that fails before the token was shown (a busy port, a crash) leaves no stored, never-seen token and
 * the next start makes another. Returns the token, or `undefined` when one already exists: it is stored only
 * as a hash and never shown again (`fleetback hub reset-admin-token` replaces a lost one).
 */
export async function bootstrapAdmin(em: EntityManager, show: (token: string) => void): Promise<string | undefined> {
  if ((await em.count(AdminTokenEntity, {})) > 0) return undefined;
  const secret = newSecret('fbk_admin');
  show(secret.token);
  em.create(AdminTokenEntity, { secretHash: secret.hash });
  await em.flush();
  return secret.token;
}
