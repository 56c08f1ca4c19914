import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import type { MikroORM } from '@mikro-orm/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../db/newId.ts';
import { SecretBox } from '../secrets/SecretBox.ts';
import { createOrm } from '../server/createOrm.ts';
import { TenantEntity } from '../tenants/TenantEntity.ts';
import { BackupLocationEntity } from './BackupLocationEntity.ts';
import { locationRepositoryKey } from './locationRepositoryKey.ts';
import { sealMissingRepositoryKeys } from './sealMissingRepositoryKeys.ts';

describe('sealMissingRepositoryKeys', () => {
  const secrets = new SecretBox(randomBytes(32));
  const now = new Date();
  let orm: MikroORM;
  const tenantId = newId();
  const older = newId();
  const keyed = newId();
  const kept = locationRepositoryKey.generate();

  beforeAll(async () => {
    orm = await createOrm({ dataDir: tmpdir(), sqliteFile: ':memory:' });
    const em = orm.em.fork();
    await em.insert(TenantEntity, { id: tenantId, name: 'keys', displayName: 'Keys', createdAt: now });
    const location = { tenantId, kind: 'filesystem' as const, path: '/backups', createdAt: now, updatedAt: now };
    await em.insert(BackupLocationEntity, { ...location, id: older, name: 'older' });
    await em.insert(BackupLocationEntity, {
      ...location,
      id: keyed,
      name: 'keyed',
      sealedRepositoryKey: locationRepositoryKey.seal(secrets, keyed, kept),
    });
  });
  afterAll(() => orm?.close());

  it('gives a location older than repository keys a sealed key of 32 bytes, and keeps the keys already there', async () => {
    expect(await sealMissingRepositoryKeys(orm.em.fork(), secrets)).toBe(1);
    const em = orm.em.fork();
    const rows = await em.find(BackupLocationEntity, { tenantId }, { filters: false, orderBy: { name: 'asc' } });
    const keys = rows.map((row) => locationRepositoryKey.open(secrets, row.id, row.sealedRepositoryKey!));
    expect(keys[0]).toBe(kept);
    expect(Buffer.from(keys[1]!, 'base64')).toHaveLength(32);
    expect(await sealMissingRepositoryKeys(orm.em.fork(), secrets)).toBe(0);
  });
});
