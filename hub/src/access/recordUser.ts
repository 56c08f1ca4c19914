import { type EntityManager, UniqueConstraintViolationException } from '@mikro-orm/core';
import type { OidcIdentity } from '../auth/OidcVerifier.ts';
import { UserEntity } from './UserEntity.ts';

/**
 * Remembers a signed-in user for the users directory. Writes at most once a minute per user unless the
 * email or groups changed, so sign-in does not turn every read into a write.
 */
export async function recordUser(em: EntityManager, identity: OidcIdentity, now: Date): Promise<void> {
  const row = await em.findOne(UserEntity, { subject: identity.subject }, { filters: false });
  if (!row) {
    em.create(UserEntity, { subject: identity.subject, email: identity.email ?? null, groups: identity.groups, lastSeenAt: now });
  } else {
    const changed = row.email !== (identity.email ?? null) || row.groups.join('\n') !== identity.groups.join('\n');
    if (!changed && now.getTime() - row.lastSeenAt.getTime() < 60_000) return;
    Object.assign(row, { email: identity.email ?? null, groups: identity.groups, lastSeenAt: now });
  }
  try {
    await em.flush();
  } catch (error) {
    // Two first requests of one user raced on the unique subject: the other one recorded them.
    if (!(error instanceof UniqueConstraintViolationException)) throw error;
    em.clear();
  }
}
