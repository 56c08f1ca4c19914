import type { EntityManager } from '@mikro-orm/core';
import type { SecretBox } from '../secrets/SecretBox.ts';
import { BackupLocationEntity } from './BackupLocationEntity.ts';
import { locationRepositoryKey } from './locationRepositoryKey.ts';

/**
 * Gives every location created before repository keys existed a generated one. A migration cannot seal
 * (the master key is not the database's), so the hub does it at start, after migrating. Each row is written
 * only while it still has no key, so replicas starting together agree on one key per location. Returns how
 * many it sealed.
 */
export async function sealMissingRepositoryKeys(em: EntityManager, secrets: SecretBox): Promise<number> {
  const rows = await em.find(BackupLocationEntity, { sealedRepositoryKey: null }, { filters: false, fields: ['id'] });
  let sealed = 0;
  for (const { id } of rows) {
    const sealedRepositoryKey = locationRepositoryKey.seal(secrets, id, locationRepositoryKey.generate());
    // BackupLocation has no update event, so a native write misses no subscriber.
    sealed += await em.nativeUpdate(BackupLocationEntity, { id, sealedRepositoryKey: null }, { sealedRepositoryKey }, { filters: false });
  }
  return sealed;
}
