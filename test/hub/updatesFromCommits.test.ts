import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClient } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { WebSocket } from 'ws';
import { BackupEntity } from '../../hub/src/backups/BackupEntity.ts';
import { databasesOf } from '../kit/databases.ts';
import { jobToWatch } from '../kit/jobToWatch.ts';
import { ProtocolAgent } from '../kit/ProtocolAgent.ts';
import { listeningUrl, runHubProcess } from '../kit/runHubProcess.ts';
import { aBackup } from '../kit/seedCatalog.ts';
import { type SeedableHub, startSeedableHub } from '../kit/startSeedableHub.ts';
import { startTestHub } from '../kit/startTestHub.ts';
import { watchJob } from '../kit/watchJob.ts';
import { publicWsUrl } from '../kit/wsGql.ts';
import { waitFor } from '../world/waitFor.ts';

// The `…Updated` subscriptions hear of every change a transaction commits to what they follow, whichever
// path wrote it: a user's mutation, the dispatcher offering a job, the agent starting, reporting and ending
// it, the scheduler. Each step below is a path that once published by hand.
const world = inject('world');

type Topic = 'backupUpdated' | 'restoreUpdated' | 'jobUpdated';
type Payload = Record<string, unknown>;

interface Subscription {
  /** Each delivered payload, or `{ error: code }` for a delivery that failed. */
  seen: Payload[];
  /** Waits until a delivery satisfies `match`. */
  until(match: (payload: Payload) => boolean, what: string): Promise<void>;
  stop(): Promise<void>;
}

describe.each(databasesOf(world))('updates published from committed data on %s', (database) => {
  let hub: SeedableHub;
  let tenantId: string;
  let clusterId: string;
  let locationId: string;
  let credential: string;
  let agent: ProtocolAgent | undefined;

  const admin = <T>(query: string, variables?: object) => hub.admin<T>(query, variables);

  /** Subscribes as the admin and returns once the hub had time to start listening. */
  async function subscribe(topic: Topic, id: string, selection: string): Promise<Subscription> {
    const client = createClient({
      url: publicWsUrl(hub.url),
      webSocketImpl: WebSocket,
      connectionParams: { authorization: `Bearer ${hub.adminToken}` },
      retryAttempts: 0,
    });
    const seen: Payload[] = [];
    client.subscribe<Record<Topic, Payload>>(
      { query: `subscription($id: ID!) { ${topic}(id: $id) { ${selection} } }`, variables: { id } },
      {
        next: (value) => {
          const error = value.errors?.[0]?.extensions?.code;
          seen.push(typeof error === 'string' ? { error } : (value.data?.[topic] ?? {}));
        },
        error: () => undefined,
        complete: () => undefined,
      },
    );
    // The subscribe step authorizes before it listens; a change made meanwhile would go unheard.
    await new Promise((resolve) => setTimeout(resolve, 1000));
    return {
      seen,
      until: async (match, what) => {
        await waitFor(async () => seen.some(match), { what, timeoutMs: 30_000 });
      },
      stop: async () => {
        await client.dispose();
      },
    };
  }

  /** The id of the subject's job of `kind`. */
  async function jobOf(subjectId: string, kind: string): Promise<string> {
    const jobs = await admin<{ jobs: { edges: { node: { id: string; kind: string } }[] } }>(
      'query($s: ID!) { jobs(filter: { subjectId: $s }) { edges { node { id kind } } } }',
      { s: subjectId },
    );
    return jobs.jobs.edges.find((e) => e.node.kind === kind)?.node.id as string;
  }

  /** The cluster's agent, connected (and offered its cluster's jobs) on first use. */
  async function theAgent(): Promise<ProtocolAgent> {
    if (!agent) {
      agent = await ProtocolAgent.connect({ hubUrl: hub.url, credential });
      agent.subscribeJobs();
    }
    return agent;
  }

  async function agentTakes(jobId: string): Promise<void> {
    const connected = await theAgent();
    await connected.nextEvent((e) => e.jobId === jobId && e.type === 'Offer');
    const ack = await connected.request<{ ackJob: { run: boolean } }>('mutation($id: ID!) { ackJob(id: $id) { run } }', {
      id: jobId,
    });
    expect(ack.data?.ackJob.run).toBe(true);
  }

  async function agentCompletes(jobId: string, outcome: object | null): Promise<void> {
    const completed = await (await theAgent()).request<{ completeJob: { accepted: boolean } }>(
      'mutation($id: ID!, $o: String) { completeJob(id: $id, outcome: $o) { accepted } }',
      { id: jobId, o: outcome ? JSON.stringify(outcome) : null },
    );
    expect(completed.data?.completeJob.accepted).toBe(true);
  }

  async function queueBackup(name: string): Promise<{ backupId: string; jobId: string }> {
    const created = await admin<{ createBackup: { id: string } }>(
      'mutation($input: CreateBackupInput!) { createBackup(input: $input) { id } }',
      { input: { clusterId, locationId, name } },
    );
    const backupId = created.createBackup.id;
    return { backupId, jobId: await jobOf(backupId, 'backup') };
  }

  beforeAll(async () => {
    hub = await startSeedableHub({ database, world });
    tenantId = (await admin<{ createTenant: { id: string } }>('mutation { createTenant(input: { name: "heard" }) { id } }'))
      .createTenant.id;
    const registered = await admin<{ registerCluster: { cluster: { id: string }; enrollmentToken: string } }>(
      'mutation($t: ID!) { registerCluster(input: { tenantId: $t, name: "c1" }) { cluster { id } enrollmentToken } }',
      { t: tenantId },
    );
    clusterId = registered.registerCluster.cluster.id;
    const enrolling = await ProtocolAgent.connect({ hubUrl: hub.url });
    const enrolled = await enrolling.request<{ enroll: { credential: string } }>(
      'mutation($t: String!) { enroll(token: $t) { credential } }',
      { t: registered.registerCluster.enrollmentToken },
    );
    enrolling.close();
    locationId = (
      await admin<{ createBackupLocation: { id: string } }>(
        'mutation($t: ID!) { createBackupLocation(input: { tenantId: $t, name: "fs", filesystem: { path: "/backups" } }) { id } }',
        { t: tenantId },
      )
    ).createBackupLocation.id;
    credential = enrolled.data?.enroll.credential as string;
  });
  afterAll(async () => {
    agent?.close();
    await hub?.stop();
  });

  it("tells a backup's and its job's subscribers of every step the agent takes", async () => {
    // Queued before the agent connects, so its offer (a compare-and-set outside the unit of work) is heard.
    const { backupId, jobId } = await queueBackup('stepwise');
    const backup = await subscribe('backupUpdated', backupId, 'id phase progress { itemsDone }');
    const job = await subscribe('jobUpdated', jobId, 'id phase attempts progress { done }');
    await agentTakes(jobId);
    await job.until((p) => p.phase === 'Queued' && p.attempts === 1, 'the job offered');
    await job.until((p) => p.phase === 'Running', 'the job Running');
    await backup.until((p) => p.phase === 'Running', 'the backup Running');
    const progress = await (await theAgent()).request(
      'mutation($id: ID!) { reportProgress(id: $id, progress: { done: 3, total: 5, bytes: 10 }) { stop } }',
      { id: jobId },
    );
    expect(progress.errors).toBeUndefined();
    await job.until((p) => (p.progress as { done?: number } | null)?.done === 3, "the job's progress");
    await backup.until((p) => (p.progress as { itemsDone?: number }).itemsDone === 3, "the backup's progress");
    await agentCompletes(jobId, { phase: 'Completed', countsByKind: { configmaps: 5 }, bytes: 10, warnings: [], errors: [] });
    await job.until((p) => p.phase === 'Succeeded', 'the job Succeeded');
    await backup.until((p) => p.phase === 'Completed', 'the backup Completed');
    await Promise.all([backup.stop(), job.stop()]);
  });

  it("tells a cancelled job's backup subscribers that it failed", async () => {
    const { backupId, jobId } = await queueBackup('cancelled');
    const backup = await subscribe('backupUpdated', backupId, 'id phase');
    const job = await subscribe('jobUpdated', jobId, 'id phase');
    await admin('mutation($id: ID!) { cancelJob(id: $id) { id } }', { id: jobId });
    await job.until((p) => p.phase === 'Cancelled', 'the job Cancelled');
    await backup.until((p) => p.phase === 'Failed', 'the backup Failed');
    await Promise.all([backup.stop(), job.stop()]);
  });

  it("tells a restore's subscribers of each batch of items its agent reports", async () => {
    const backupId = await aBackup(tenantId, clusterId).insert(hub.orm);
    await hub.orm.em.fork().nativeUpdate(BackupEntity, { id: backupId }, { locationId }, { filters: false });
    const created = await admin<{ createRestore: { id: string } }>(
      'mutation($b: ID!, $c: ID!) { createRestore(input: { backupId: $b, targetClusterId: $c }) { id } }',
      { b: backupId, c: clusterId },
    );
    const restoreId = created.createRestore.id;
    const jobId = await jobOf(restoreId, 'restore');
    const restore = await subscribe('restoreUpdated', restoreId, 'id phase itemCounts { created }');
    await agentTakes(jobId);
    await restore.until((p) => p.phase === 'Running', 'the restore Running');
    const items = [0, 1].map((index) => ({
      index,
      type: 'configmaps',
      namespace: 'shop',
      name: `cm-${index}`,
      result: 'created',
      uid: `uid-${index}`,
      reason: null,
      error: null,
    }));
    const reported = await (await theAgent()).request<{ reportRestoreItems: { stored: number } }>(
      'mutation($id: ID!, $i: [RestoreItemInput!]!) { reportRestoreItems(id: $id, attempt: 1, items: $i) { stored } }',
      { id: jobId, i: items },
    );
    expect(reported.data?.reportRestoreItems.stored).toBe(2);
    await restore.until((p) => (p.itemCounts as { created: number }).created === 2, 'the restore with its items');
    await restore.stop();
  });

  it("tells a backup's subscribers it is Deleting, then that it is gone", async () => {
    const { backupId, jobId } = await queueBackup('short-lived');
    await agentTakes(jobId);
    await agentCompletes(jobId, { phase: 'Completed', countsByKind: {}, bytes: 0, warnings: [], errors: [] });
    const backup = await subscribe('backupUpdated', backupId, 'id phase');
    await admin('mutation($id: ID!) { deleteBackup(id: $id) { id } }', { id: backupId });
    await backup.until((p) => p.phase === 'Deleting', 'the backup Deleting');
    const deletion = await jobOf(backupId, 'deleteBackup');
    await agentTakes(deletion);
    await agentCompletes(deletion, null);
    await backup.until((p) => p.error === 'NOT_FOUND', 'the backup gone');
    await backup.stop();
  });
});

describe.skipIf(!world.postgres)('updates between hub processes on PostgreSQL', () => {
  it('reach a subscriber of another replica, in its own process, through LISTEN/NOTIFY', async () => {
    const replicaA = await startTestHub({ database: 'postgresql', world });
    const replicaB = runHubProcess({
      FLEETBACK_DATABASE_URL: replicaA.databaseUrl,
      FLEETBACK_MASTER_KEY: replicaA.masterKey.toString('base64'),
      FLEETBACK_DATA_DIR: mkdtempSync(join(tmpdir(), 'fleetback-hub-')),
    });
    try {
      const urlB = await listeningUrl(replicaB);
      const jobId = await (await jobToWatch(replicaA, 'across')).queueJob();
      const watch = watchJob(urlB, replicaA.adminToken, jobId);
      // The subscribe step authorizes before it listens; a change made meanwhile would go unheard.
      await new Promise((resolve) => setTimeout(resolve, 1000));
      await replicaA.admin('mutation($id: ID!) { cancelJob(id: $id) { id } }', { id: jobId });
      // A notification of the job's creation may still be on its way to the young process: wait for the cancel's.
      await waitFor(async () => watch.updates.some((u) => u.phase === 'Cancelled'), {
        what: 'the cancellation, heard on replica B',
        timeoutMs: 30_000,
      });
      expect(watch.updates.at(-1)).toEqual({ id: jobId, phase: 'Cancelled' });
      await watch.stop();
    } finally {
      replicaB.child.kill('SIGTERM');
      await replicaB.exited;
      await replicaA.stop();
    }
  });
});
