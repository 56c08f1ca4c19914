import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import type { MikroORM } from '@mikro-orm/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../db/newId.ts';
import type { JobRow } from '../jobs/JobEntity.ts';
import { SecretBox } from '../secrets/SecretBox.ts';
import { createOrm } from '../server/createOrm.ts';
import { TenantEntity } from '../tenants/TenantEntity.ts';
import { BackupLocationEntity } from './BackupLocationEntity.ts';
import { locationRepositoryKey } from './locationRepositoryKey.ts';
import { rotateRepositoryKeyJob } from './rotateRepositoryKeyJob.ts';

describe('rotateRepositoryKeyJob', () => {
  const secrets = new SecretBox(randomBytes(32));
  const now = new Date();
  const tenantId = newId();
  let orm: MikroORM;

  beforeAll(async () => {
    orm = await createOrm({ dataDir: tmpdir(), sqliteFile: ':memory:' });
    await orm.em.fork().insert(TenantEntity, { id: tenantId, name: 'rotation', displayName: 'Rotation', createdAt: now });
  });
  afterAll(() => orm?.close());

  /** A location holding `current` with `pending` queued, and a rotation job of it. */
  async function rotation(current: string, pending: string): Promise<JobRow> {
    const id = newId();
    await orm.em.fork().insert(BackupLocationEntity, {
      id,
      tenantId,
      name: `l-${id.slice(0, 8).toLowerCase()}`,
      kind: 'filesystem',
      path: '/backups',
      sealedRepositoryKey: locationRepositoryKey.seal(secrets, id, current),
      sealedPendingRepositoryKey: locationRepositoryKey.seal(secrets, id, pending),
      createdAt: now,
      updatedAt: now,
    });
    return {
      id: newId(),
      tenantId,
      clusterId: newId(),
      kind: 'rotateRepositoryKey',
      subjectId: id,
      phase: 'Running',
      attempts: 1,
      leaseExpiresAt: null,
      progress: null,
      error: null,
      createdAt: now,
      startedAt: now,
      finishedAt: null,
    };
  }

  async function keysOf(job: JobRow) {
    const row = await orm.em.fork().findOneOrFail(BackupLocationEntity, { id: job.subjectId }, { filters: false });
    return {
      current: locationRepositoryKey.open(secrets, row.id, row.sealedRepositoryKey!),
      pending: row.sealedPendingRepositoryKey,
    };
  }

  async function finish(job: JobRow, end: { ok: true; outcome: undefined } | { ok: false; error: string }) {
    await orm.em.fork().transactional((tx) => rotateRepositoryKeyJob.finish(tx, job, end, { now, clusterId: job.clusterId }));
  }

  it('carries the key in use as the location’s and the pending one as the new key', async () => {
    const [current, pending] = [locationRepositoryKey.generate(), locationRepositoryKey.generate()];
    const job = await rotation(current, pending);
    const payload = await rotateRepositoryKeyJob.payload(orm.em.fork(), secrets, job);
    expect(payload.location.repositoryKey).toBe(current);
    expect(payload.newRepositoryKey).toBe(pending);
  });

  it('makes the pending key the location’s key when the job succeeds', async () => {
    const [current, pending] = [locationRepositoryKey.generate(), locationRepositoryKey.generate()];
    const job = await rotation(current, pending);
    await finish(job, { ok: true, outcome: undefined });
    expect(await keysOf(job)).toEqual({ current: pending, pending: null });
  });

  it('keeps the old key and drops the pending one when the job fails', async () => {
    const [current, pending] = [locationRepositoryKey.generate(), locationRepositoryKey.generate()];
    const job = await rotation(current, pending);
    await finish(job, { ok: false, error: 'the repository does not open' });
    expect(await keysOf(job)).toEqual({ current, pending: null });
  });

  it('cannot be cancelled: a rewrap stopped midway may need the new key', () => {
    expect(rotateRepositoryKeyJob.notCancellable).toMatch(/new key/);
  });
});
