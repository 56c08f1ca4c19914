import type { EntityManager, MikroORM } from '@mikro-orm/core';
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import { type ChangeEvent, CommittedChanges } from '../../hub/src/db/CommittedChanges.ts';
import { compareAndSet } from '../../hub/src/db/compareAndSet.ts';
import { createOrm } from '../../hub/src/server/createOrm.ts';
import { hubWideEm } from '../../hub/src/db/hubWideEm.ts';
import type { HubTopic } from '../../hub/src/graphql/hubPubSub.ts';
import { eventOfSources } from '../../hub/src/graphql/updateSource.ts';
import { JobEntity } from '../../hub/src/jobs/JobEntity.ts';
import { updateSources } from '../../hub/src/server/updateSources.ts';
import { TenantEntity } from '../../hub/src/tenants/TenantEntity.ts';
import { freshDatabase } from '../kit/startTestHub.ts';

// What `CommittedChanges` publishes on a real PostgreSQL server, whose transactions and savepoints are the
// server's own (SQLite's are covered beside the code): after the outermost commit, once per object, and
// nothing of what was rolled back.
const world = inject('world');

describe.skipIf(!world.postgres)('committed changes on postgresql', () => {
  let orm: MikroORM;
  let tenantId: string;
  const published: ChangeEvent<HubTopic>[][] = [];
  const em = (): EntityManager => hubWideEm(orm);
  const jobUpdated = (id: string) => ({ topic: 'jobUpdated', id });

  function queueJob(on: EntityManager) {
    return on.create(JobEntity, {
      tenantId,
      clusterId: 'c1',
      kind: 'validateLocation',
      subjectId: 'l1',
      phase: 'Queued',
      leaseExpiresAt: null,
      progress: null,
      error: null,
      startedAt: null,
      finishedAt: null,
    });
  }

  beforeAll(async () => {
    orm = await createOrm({ dataDir: '', databaseUrl: await freshDatabase(world) });
    orm.em.getEventManager().registerSubscriber(
      new CommittedChanges({
        eventOf: eventOfSources(updateSources),
        publish: (events) => published.push([...events]),
        onPublishError: (error) => {
          throw error;
        },
      }),
    );
    const fork = em();
    tenantId = fork.create(TenantEntity, { name: 'changes', displayName: 'changes' }).id;
    await fork.flush();
  });
  afterAll(async () => {
    await orm?.close();
  });
  beforeEach(() => {
    published.length = 0;
  });

  it('publishes a transaction once it commits, once per object, keeping released savepoints only', async () => {
    const kept = await em().transactional(async (tx) => {
      const outer = queueJob(tx);
      await tx.flush();
      outer.phase = 'Running';
      await tx.flush();
      const inner = await tx.transactional(async (savepoint) => {
        const job = queueJob(savepoint);
        await savepoint.flush();
        return job.id;
      });
      await tx
        .transactional(async (savepoint) => {
          queueJob(savepoint);
          await savepoint.flush();
          throw new Error('undo this part');
        })
        .catch(() => undefined);
      expect(published).toEqual([]);
      return [outer.id, inner];
    });
    expect(published).toHaveLength(1);
    expect(published[0]).toHaveLength(2);
    expect(published[0]).toEqual(expect.arrayContaining(kept.map(jobUpdated)));
  });

  it('publishes nothing of a transaction that rolled back, compare-and-set included', async () => {
    const fork = em();
    const job = queueJob(fork);
    await fork.flush();
    expect(published).toEqual([[jobUpdated(job.id)]]);
    published.length = 0;
    await expect(
      em().transactional(async (tx) => {
        queueJob(tx);
        await tx.flush();
        expect(await compareAndSet(tx, JobEntity, { id: job.id, phase: 'Queued' }, { phase: 'Running' })).toBe(true);
        throw new Error('changed my mind');
      }),
    ).rejects.toThrow('changed my mind');
    expect(published).toEqual([]);
    expect(await compareAndSet(em(), JobEntity, { id: job.id, phase: 'Queued' }, { phase: 'Running' })).toBe(true);
    expect(published).toEqual([[jobUpdated(job.id)]]);
  });
});
