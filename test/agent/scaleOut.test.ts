import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { DispatchSignal } from '../../hub/src/dispatch/dispatchSignals.ts';
import { PostgresDispatchSignals } from '../../hub/src/dispatch/PostgresDispatchSignals.ts';
import { startTestAgent, type TestAgent } from '../kit/startTestAgent.ts';
import { freshDatabase, startTestHub, type TestHub, type TestHubStorage } from '../kit/startTestHub.ts';
import { waitFor } from '../world/waitFor.ts';
import type { ClusterInfo } from '../world/WorldInfo.ts';

// Two hub replicas on one PostgreSQL database: an agent held by one replica gets the jobs queued through
// the other, and is cut off when the other deletes its cluster.
const world = inject('world');
const [clusterA] = world.clusters as [ClusterInfo];

/** Two signal transports on one fresh database, as two replicas would hold. */
async function twoTransports() {
  const url = await freshDatabase(world);
  const logger = pino({ level: 'silent' });
  return Promise.all([PostgresDispatchSignals.start(url, logger), PostgresDispatchSignals.start(url, logger)]);
}

/** The replicas' scheduler clock, moved by hand so a schedule's run comes due on demand. */
let now = new Date();
const clock = { now: () => new Date(now) };

describe.skipIf(!world.postgres)('hub replicas on PostgreSQL', () => {
  let replicaA: TestHub & TestHubStorage;
  let replicaB: TestHub & TestHubStorage;
  let agent: TestAgent | undefined;

  async function onA<T>(query: string, variables?: object): Promise<T> {
    const result = await replicaA.gql<T>(replicaA.adminToken, query, variables);
    if (result.errors?.length) throw new Error(result.errors.map((e) => e.message).join('; '));
    return result.data as T;
  }

  beforeAll(async () => {
    replicaA = await startTestHub({ database: 'postgresql', world, clock });
    replicaB = await startTestHub({
      database: 'postgresql',
      world,
      clock,
      reuse: {
        dataDir: mkdtempSync(join(tmpdir(), 'fleetback-hub-')),
        databaseUrl: replicaA.databaseUrl,
        masterKey: replicaA.masterKey,
        adminToken: replicaA.adminToken,
      },
    });
  });

  afterAll(async () => {
    await agent?.kill();
    await replicaB?.stop();
    await replicaA?.stop();
  });

  it('relays a signal sent by one replica to every replica', async () => {
    const [one, two] = await twoTransports();
    const heard: DispatchSignal[] = [];
    two.listen((s) => heard.push(s));
    one.send({ type: 'jobCancelled', clusterId: 'c1', jobId: 'j1' });
    await waitFor(async () => heard.length > 0, { what: 'the notification', timeoutMs: 10_000 });
    expect(heard).toEqual([{ type: 'jobCancelled', clusterId: 'c1', jobId: 'j1' }]);
    await Promise.all([one.close(), two.close()]);
  });

  it('relays subscription updates between replicas', async () => {
    const [one, two] = await twoTransports();
    const heard: DispatchSignal[] = [];
    two.listen((s) => heard.push(s));
    one.send({ type: 'updated', topic: 'backupUpdated', id: 'b1' });
    one.send({ type: 'updated', topic: 'notATopic' as 'jobUpdated', id: 'x' });
    one.send({ type: 'jobQueued', clusterId: 'c2' });
    await waitFor(async () => heard.length >= 2, { what: 'the notifications', timeoutMs: 10_000 });
    // Sends may overtake each other (two connections); order carries no meaning between signals.
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(heard).toHaveLength(2);
    expect(heard).toEqual(
      expect.arrayContaining([
        { type: 'updated', topic: 'backupUpdated', id: 'b1' },
        { type: 'jobQueued', clusterId: 'c2' },
      ]),
    );
    await Promise.all([one.close(), two.close()]);
  });

  it('routes a job queued through replica A to the agent connected to replica B', async () => {
    const tenant = await onA<{ createTenant: { id: string } }>('mutation { createTenant(input: { name: "scale" }) { id } }');
    const registered = await onA<{ registerCluster: { cluster: { id: string }; enrollmentToken: string } }>(
      'mutation($t: ID!) { registerCluster(input: { tenantId: $t, name: "spread" }) { cluster { id } enrollmentToken } }',
      { t: tenant.createTenant.id },
    );
    const clusterId = registered.registerCluster.cluster.id;
    agent = startTestAgent({
      hubUrl: replicaB.url,
      kubeconfigPath: clusterA.kubeconfigPath,
      logDir: world.logDir,
      name: 'replica-b',
      enrollmentToken: registered.registerCluster.enrollmentToken,
    });
    await waitFor(
      async () =>
        (await onA<{ cluster: { status: string } }>('query($id: ID!) { cluster(id: $id) { status } }', { id: clusterId }))
          .cluster.status === 'Connected',
      { what: 'the agent on replica B, seen from replica A' },
    );
    const location = await onA<{ createBackupLocation: { id: string } }>(
      'mutation($t: ID!, $p: String!) { createBackupLocation(input: { tenantId: $t, name: "fs", filesystem: { path: $p } }) { id } }',
      { t: tenant.createTenant.id, p: mkdtempSync(join(tmpdir(), 'fleetback-location-')) },
    );
    const queued = await onA<{ validateBackupLocation: { id: string } }>(
      'mutation($id: ID!, $c: ID!) { validateBackupLocation(id: $id, clusterId: $c) { id } }',
      { id: location.createBackupLocation.id, c: clusterId },
    );
    const jobId = queued.validateBackupLocation.id;
    const phase = await waitFor(
      async () => {
        const data = await onA<{ job: { phase: string } }>('query($id: ID!) { job(id: $id) { phase } }', { id: jobId });
        return ['Succeeded', 'Failed'].includes(data.job.phase) ? data.job.phase : undefined;
      },
      { what: 'the job to end' },
    );
    expect(phase).toBe('Succeeded');
    const jobSeenOnB = await replicaB.gql<{ job: { phase: string } }>(replicaB.adminToken, 'query($id: ID!) { job(id: $id) { phase } }', {
      id: jobId,
    });
    expect(jobSeenOnB.data?.job.phase).toBe('Succeeded');
    expect(agent.output()).toContain(`"jobId":"${jobId}"`);

    await onA('mutation($id: ID!) { deleteCluster(id: $id) }', { id: clusterId });
    expect(await agent.exited).toBe(3);
    expect(agent.output()).toMatch(/the cluster was deleted or its credential replaced/);
  });

  it('takes a due scheduled run once, on the replica that leads the scheduler', async () => {
    const tenantId = (await onA<{ createTenant: { id: string } }>('mutation { createTenant(input: { name: "replicated-schedules" }) { id } }'))
      .createTenant.id;
    const clusterId = (
      await onA<{ registerCluster: { cluster: { id: string } } }>(
        'mutation($t: ID!) { registerCluster(input: { tenantId: $t, name: "scheduled" }) { cluster { id } } }',
        { t: tenantId },
      )
    ).registerCluster.cluster.id;
    const locationId = (
      await onA<{ createBackupLocation: { id: string } }>(
        'mutation($t: ID!, $p: String!) { createBackupLocation(input: { tenantId: $t, name: "disk", filesystem: { path: $p } }) { id } }',
        { t: tenantId, p: mkdtempSync(join(tmpdir(), 'fleetback-replicated-')) },
      )
    ).createBackupLocation.id;
    const policyId = (
      await onA<{ createSchedulePolicy: { id: string } }>(
        'mutation($t: ID!) { createSchedulePolicy(input: { tenantId: $t, name: "every-5m", spec: { periodic: { every: 5, unit: minutes } } }) { id } }',
        { t: tenantId },
      )
    ).createSchedulePolicy.id;
    const scheduleId = (
      await onA<{ createBackupSchedule: { id: string } }>(
        'mutation($c: ID!, $p: ID!, $l: ID!) { createBackupSchedule(input: { clusterId: $c, name: "often", policyId: $p, template: { locationId: $l, includeNamespaces: ["default"] } }) { id } }',
        { c: clusterId, p: policyId, l: locationId },
      )
    ).createBackupSchedule.id;
    // Leadership is taken within a few seconds of start; wait until one replica holds it.
    const passes = await waitFor(
      async () => {
        const both = await Promise.all([replicaA.runScheduler(), replicaB.runScheduler()]);
        return both.filter(Boolean).length === 1 ? both : undefined;
      },
      { what: 'one replica to lead the scheduler' },
    );
    expect(passes.filter((p) => p === undefined)).toHaveLength(1);

    now = new Date(now.getTime() + 10 * 60_000);
    const [a, b] = await Promise.all([replicaA.runScheduler(), replicaB.runScheduler()]);
    expect([a?.schedules.taken, b?.schedules.taken].sort()).toEqual([1, undefined]);
    const backups = await onA<{ backups: { edges: { node: { scheduleId: string | null } }[] } }>(
      'query($c: ID!) { backups(filter: { clusterId: $c }) { edges { node { scheduleId } } } }',
      { c: clusterId },
    );
    expect(backups.backups.edges.map((e) => e.node.scheduleId)).toEqual([scheduleId]);
  });

  it('lets exactly one replica lead the scheduler, and hands leadership over when it stops', async () => {
    const leads = async (hub: TestHub) => {
      const text = await (await fetch(`${hub.url}/metrics`)).text();
      return /^fleetback_hub_scheduler_leader 1$/m.test(text);
    };
    const [leader, follower] = await waitFor(
      async () => {
        const [a, b] = await Promise.all([leads(replicaA), leads(replicaB)]);
        if (a === b) return undefined;
        return a ? [replicaA, replicaB] : [replicaB, replicaA];
      },
      { what: 'exactly one leader' },
    );
    await leader.stop();
    await waitFor(async () => leads(follower), { what: 'the other replica to take over' });
  });
});
