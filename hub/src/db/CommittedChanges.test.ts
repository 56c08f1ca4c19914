import type { EntityManager, MikroORM } from '@mikro-orm/core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type HubTopic } from '../graphql/hubPubSub.ts';
import { eventOfSources } from '../graphql/updateSource.ts';
import { JobEntity } from '../jobs/JobEntity.ts';
import { updateSources } from '../server/updateSources.ts';
import { TenantEntity } from '../tenants/TenantEntity.ts';
import { type ChangeEvent, CommittedChanges } from './CommittedChanges.ts';
import { compareAndSet } from './compareAndSet.ts';
import { createOrm } from '../server/createOrm.ts';
import { hubWideEm } from './hubWideEm.ts';

describe('CommittedChanges', () => {
  let orm: MikroORM;
  let tenantId: string;
  const published: ChangeEvent<HubTopic>[][] = [];
  const em = (): EntityManager => hubWideEm(orm);

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
    orm = await createOrm({ dataDir: '', sqliteFile: ':memory:' });
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
    const tenant = fork.create(TenantEntity, { name: 'changes', displayName: 'changes' });
    await fork.flush();
    tenantId = tenant.id;
  });
  afterAll(async () => {
    await orm?.close();
  });
  beforeEach(() => {
    published.length = 0;
  });

  it('publishes what a flush outside a transaction committed, once it has', async () => {
    const fork = em();
    const job = queueJob(fork);
    await fork.flush();
    expect(published).toEqual([[{ topic: 'jobUpdated', id: job.id }]]);
  });

  it('publishes a transaction\'s changes once it commits, once per object however often it was flushed', async () => {
    const ids = await em().transactional(async (tx) => {
      const first = queueJob(tx);
      const second = queueJob(tx);
      await tx.flush();
      first.phase = 'Running';
      await tx.flush();
      expect(published).toEqual([]);
      return [first.id, second.id];
    });
    expect(published).toHaveLength(1);
    expect(published[0]).toHaveLength(2);
    expect(published[0]).toEqual(expect.arrayContaining(ids.map((id) => ({ topic: 'jobUpdated', id }))));
  });

  it('publishes nothing for a transaction that rolled back', async () => {
    await expect(
      em().transactional(async (tx) => {
        queueJob(tx);
        await tx.flush();
        throw new Error('changed my mind');
      }),
    ).rejects.toThrow('changed my mind');
    expect(published).toEqual([]);
  });

  it('publishes the row a compare-and-set wrote only after its transaction commits, and not when it lost', async () => {
    const fork = em();
    const job = queueJob(fork);
    await fork.flush();
    published.length = 0;
    await em().transactional(async (tx) => {
      expect(await compareAndSet(tx, JobEntity, { id: job.id, phase: 'Queued' }, { phase: 'Running' })).toBe(true);
      expect(published).toEqual([]);
    });
    expect(published).toEqual([[{ topic: 'jobUpdated', id: job.id }]]);
    published.length = 0;
    expect(await compareAndSet(em(), JobEntity, { id: job.id, phase: 'Queued' }, { phase: 'Failed' })).toBe(false);
    expect(published).toEqual([]);
  });

  it('keeps a released savepoint\'s changes for its transaction and drops a rolled-back one\'s', async () => {
    const kept = await em().transactional(async (tx) => {
      const outer = queueJob(tx);
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
    expect(published[0]).toEqual(expect.arrayContaining(kept.map((id) => ({ topic: 'jobUpdated', id }))));
  });

  it('announces nothing for an entity without an update source', async () => {
    const fork = em();
    fork.create(TenantEntity, { name: 'quiet', displayName: 'quiet' });
    await fork.flush();
    expect(published).toEqual([]);
  });
});
