import { CreateBucketCommand, ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import { CoreV1Api, KubeConfig } from '@kubernetes/client-node';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startTestAgent, type TestAgent } from '../kit/startTestAgent.ts';
import { startTestHub, type TestHub, type TestHubStorage } from '../kit/startTestHub.ts';
import { waitFor } from '../world/waitFor.ts';
import type { ClusterInfo, S3Info } from '../world/WorldInfo.ts';

// Schedules run by the hub's scheduler on a clock the test moves by hand, with a real agent on cluster A
// writing to MinIO: runs take backups, retention keeps the newest N and deletes the rest from storage and
// catalog, expiry deletes an old backup, downtime is caught up with one run, and a disconnected cluster's
// run waits for its agent, marked late.
const world = inject('world');
const [clusterA] = world.clusters as [ClusterInfo];
const s3 = world.s3 as S3Info;
const run = Date.now().toString(36);
const namespace = `sched-${run}`;
const bucket = `sched-${run}`;
const hour = 3_600_000;

/** The scheduler's clock: starts at the real time, rounded down to the hour, and moves only when told. */
let now = new Date(Math.floor(Date.now() / hour) * hour);
const clock = { now: () => new Date(now) };

let hub: TestHub & TestHubStorage;
let agent: TestAgent;
let tenantId: string;
let clusterId: string;
let locationId: string;
let scheduleId: string;
const minio = new S3Client({
  endpoint: s3.endpoint,
  region: s3.region,
  forcePathStyle: true,
  credentials: { accessKeyId: s3.accessKeyId, secretAccessKey: s3.secretAccessKey },
});

interface BackupView {
  id: string;
  name: string;
  phase: string;
  scheduleId: string | null;
  scheduledFor: string | null;
  late: boolean;
  deletion: { reason: string; attempts: number } | null;
}
const backupFields = 'id name phase scheduleId scheduledFor late deletion { reason attempts }';


async function scheduleBackups(): Promise<BackupView[]> {
  const data = await hub.admin<{ backups: { edges: { node: BackupView }[] } }>(
    `query($c: ID!) { backups(filter: { clusterId: $c }, first: 50) { edges { node { ${backupFields} } } } }`,
    { c: clusterId },
  );
  return data.backups.edges.map((e) => e.node).filter((b) => b.scheduleId === scheduleId);
}

async function backup(id: string): Promise<BackupView | null> {
  const result = await hub.gql<{ backup: BackupView }>(hub.adminToken, `query($id: ID!) { backup(id: $id) { ${backupFields} } }`, { id });
  if (result.errors?.some((e) => e.extensions?.code === 'NOT_FOUND')) return null;
  if (result.errors?.length) throw new Error(result.errors.map((e) => e.message).join('; '));
  return result.data?.backup ?? null;
}

function ended(id: string) {
  return waitFor(
    async () => {
      const b = await backup(id);
      return b && ['Completed', 'PartiallyFailed', 'Failed'].includes(b.phase) ? b : undefined;
    },
    { what: `backup ${id} to end`, timeoutMs: 60_000 },
  );
}

async function objectsOf(id: string): Promise<number> {
  const listed = await minio.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: `sched/backups/${id}/` }));
  return listed.KeyCount ?? 0;
}

function gone(id: string) {
  return waitFor(async () => ((await backup(id)) === null ? true : undefined), {
    what: `backup ${id} to leave the catalog`,
    timeoutMs: 60_000,
  });
}

/** Moves the clock to `at` and runs one scheduler pass. */
async function passAt(at: Date) {
  now = at;
  const pass = await hub.runScheduler();
  if (!pass) throw new Error('the test hub does not lead its scheduler');
  return pass;
}

async function scheduleView() {
  return (
    await hub.admin<{
      backupSchedule: { nextRunAt: string | null; lastRunAt: string | null; missedRuns: number; lastRunError: string | null; nextRunTimes: string[] };
    }>('query($id: ID!) { backupSchedule(id: $id) { nextRunAt lastRunAt missedRuns lastRunError nextRunTimes(count: 3) } }', { id: scheduleId })
  ).backupSchedule;
}

function startAgent(enrollmentToken?: string, credentialFile?: string) {
  return startTestAgent({
    hubUrl: hub.url,
    kubeconfigPath: clusterA.kubeconfigPath,
    logDir: world.logDir,
    name: 'scheduled',
    enrollmentToken,
    credentialFile,
  });
}

beforeAll(async () => {
  hub = await startTestHub({ database: 'sqlite', world, clock });
  tenantId = (await hub.admin<{ createTenant: { id: string } }>('mutation { createTenant(input: { name: "sched" }) { id } }'))
    .createTenant.id;
  const registered = await hub.admin<{ registerCluster: { cluster: { id: string }; enrollmentToken: string } }>(
    'mutation($t: ID!) { registerCluster(input: { tenantId: $t, name: "a" }) { cluster { id } enrollmentToken } }',
    { t: tenantId },
  );
  clusterId = registered.registerCluster.cluster.id;
  agent = startAgent(registered.registerCluster.enrollmentToken);
  const kc = new KubeConfig();
  kc.loadFromFile(clusterA.kubeconfigPath);
  const core = kc.makeApiClient(CoreV1Api);
  await core.createNamespace({ body: { metadata: { name: namespace } } });
  await core.createNamespacedConfigMap({ namespace, body: { metadata: { name: 'settings' }, data: { k: 'v' } } });
  await minio.send(new CreateBucketCommand({ Bucket: bucket }));
  const credential = await hub.admin<{ createCredential: { id: string } }>(
    'mutation($t: ID!, $k: String!, $s: String!) { createCredential(input: { tenantId: $t, name: "keys", aws: { accessKeyId: $k, secretAccessKey: $s } }) { id } }',
    { t: tenantId, k: s3.accessKeyId, s: s3.secretAccessKey },
  );
  locationId = (
    await hub.admin<{ createBackupLocation: { id: string } }>(
      'mutation($t: ID!, $b: String!, $e: String!, $r: String!, $c: ID!) { createBackupLocation(input: { tenantId: $t, name: "minio", prefix: "sched", s3: { bucket: $b, endpoint: $e, region: $r, forcePathStyle: true }, credentialId: $c }) { id } }',
      { t: tenantId, b: bucket, e: s3.endpoint, r: s3.region, c: credential.createCredential.id },
    )
  ).createBackupLocation.id;
  await waitFor(
    async () => {
      const data = await hub.admin<{ cluster: { status: string } }>('query($id: ID!) { cluster(id: $id) { status } }', { id: clusterId });
      return data.cluster.status === 'Connected' || undefined;
    },
    { what: 'the agent to connect' },
  );
});

afterAll(async () => {
  await agent?.stop();
  await hub?.stop();
});

describe('scheduled backups on a hand-moved clock', () => {
  it('plans the first run after creation and shows the next run times', async () => {
    const policy = await hub.admin<{ createSchedulePolicy: { id: string } }>(
      'mutation($t: ID!) { createSchedulePolicy(input: { tenantId: $t, name: "hourly-keep-2", spec: { periodic: { every: 1, unit: hours }, retain: 2 } }) { id } }',
      { t: tenantId },
    );
    const created = await hub.admin<{ createBackupSchedule: { id: string } }>(
      'mutation($c: ID!, $p: ID!, $l: ID!, $ns: [String!]!) { createBackupSchedule(input: { clusterId: $c, name: "shop-hourly", policyId: $p, template: { locationId: $l, includeNamespaces: $ns } }) { id } }',
      { c: clusterId, p: policy.createSchedulePolicy.id, l: locationId, ns: [namespace] },
    );
    scheduleId = created.createBackupSchedule.id;
    const pass = await passAt(new Date(now.getTime() + 1000));
    expect(pass.schedules).toEqual({ taken: 0, skipped: 0 });
    const view = await scheduleView();
    // Created in the current real hour: the first run is the start of the next one.
    const firstRun = new Date(Math.ceil(Date.now() / hour) * hour);
    expect(view.nextRunAt).toBe(firstRun.toISOString());
    expect(view.nextRunTimes).toEqual([0, 1, 2].map((i) => new Date(firstRun.getTime() + i * hour).toISOString()));
  });

  it('takes one backup per run and keeps only the newest two, deleting the rest from MinIO and the catalog', async () => {
    const taken: BackupView[] = [];
    let runAt = new Date((await scheduleView()).nextRunAt as string);
    for (let i = 0; i < 3; i++) {
      const pass = await passAt(new Date(runAt.getTime() + 30_000));
      expect(pass.schedules.taken).toBe(1);
      const [newest] = (await scheduleBackups()).filter((b) => !taken.some((t) => t.id === b.id));
      expect(newest).toMatchObject({ scheduledFor: runAt.toISOString(), late: false });
      expect(newest?.name).toMatch(/^shop-hourly-\d{8}-\d{6}-\d{3}$/);
      taken.push(await ended((newest as BackupView).id));
      runAt = new Date(runAt.getTime() + hour);
    }
    expect(taken.map((b) => b.phase)).toEqual(['Completed', 'Completed', 'Completed']);
    const [oldest, ...kept] = taken as [BackupView, ...BackupView[]];
    expect(await objectsOf(oldest.id)).toBeGreaterThan(0);

    const pass = await passAt(new Date(now.getTime() + 1000));
    expect(pass.deletions.Retention).toBe(1);
    expect((await backup(oldest.id))?.deletion).toEqual({ reason: 'Retention', attempts: 1 });
    await gone(oldest.id);
    expect(await objectsOf(oldest.id)).toBe(0);
    for (const b of kept) {
      expect((await backup(b.id))?.phase).toBe('Completed');
      expect(await objectsOf(b.id)).toBeGreaterThan(0);
    }
  });

  it('after downtime takes one catch-up backup for the latest missed run, marked late, and counts the rest', async () => {
    const planned = new Date((await scheduleView()).nextRunAt as string);
    const before = new Set((await scheduleBackups()).map((b) => b.id));
    const pass = await passAt(new Date(planned.getTime() + 5 * hour + 10 * 60_000));
    expect(pass.schedules.taken).toBe(1);
    const [catchUp] = (await scheduleBackups()).filter((b) => !before.has(b.id));
    expect(catchUp).toMatchObject({ scheduledFor: new Date(planned.getTime() + 5 * hour).toISOString(), late: true });
    const view = await scheduleView();
    expect(view).toMatchObject({ missedRuns: 5, lastRunError: null });
    expect(view.nextRunAt).toBe(new Date(planned.getTime() + 6 * hour).toISOString());
    await ended((catchUp as BackupView).id);
  });

  it('a disconnected cluster gets its backup when the agent is back, late; runs meanwhile are skipped, not queued', async () => {
    const credentialFile = agent.credentialFile;
    await agent.stop();
    await waitFor(
      async () => {
        const data = await hub.admin<{ cluster: { status: string } }>('query($id: ID!) { cluster(id: $id) { status } }', { id: clusterId });
        return data.cluster.status === 'Disconnected' || undefined;
      },
      { what: 'the cluster to show disconnected' },
    );
    const before = new Set((await scheduleBackups()).map((b) => b.id));
    const planned = new Date((await scheduleView()).nextRunAt as string);
    expect((await passAt(new Date(planned.getTime() + 1000))).schedules.taken).toBe(1);
    const [waiting] = (await scheduleBackups()).filter((b) => !before.has(b.id));
    expect(waiting).toMatchObject({ phase: 'Pending', late: true });

    const next = await passAt(new Date(planned.getTime() + hour + 1000));
    expect(next.schedules).toEqual({ taken: 0, skipped: 1 });
    const view = await scheduleView();
    expect(view.missedRuns).toBe(1);
    expect(view.lastRunError).toMatch(/previous backup of this schedule has not finished/);
    expect((await scheduleBackups()).filter((b) => !before.has(b.id))).toHaveLength(1);

    agent = startAgent(undefined, credentialFile);
    expect(await ended((waiting as BackupView).id)).toMatchObject({ phase: 'Completed', late: true });
  });

  it('deletes an on-demand backup once it expires, from storage and catalog', async () => {
    const created = await hub.admin<{ createBackup: { id: string; expiresAt: string } }>(
      'mutation($c: ID!, $l: ID!, $ns: [String!]!) { createBackup(input: { clusterId: $c, locationId: $l, includeNamespaces: $ns, ttl: "2h" }) { id expiresAt } }',
      { c: clusterId, l: locationId, ns: [namespace] },
    );
    const { id, expiresAt } = created.createBackup;
    await ended(id);
    expect(await objectsOf(id)).toBeGreaterThan(0);
    // The hub stamps expiry from the real time; move the scheduler's clock past it.
    const pass = await passAt(new Date(new Date(expiresAt).getTime() + 1000));
    expect(pass.deletions.Expired).toBeGreaterThanOrEqual(1);
    await gone(id);
    expect(await objectsOf(id)).toBe(0);
  });

  it('cleans up a Failed backup after the failed-backup retention, and retries a failed deletion until it works', async () => {
    const credential = await hub.admin<{ createCredential: { id: string } }>(
      'mutation($t: ID!, $k: String!) { createCredential(input: { tenantId: $t, name: "wrong-keys", aws: { accessKeyId: $k, secretAccessKey: "not-the-secret" } }) { id } }',
      { t: tenantId, k: s3.accessKeyId },
    );
    const wrong = await hub.admin<{ createBackupLocation: { id: string } }>(
      'mutation($t: ID!, $b: String!, $e: String!, $r: String!, $c: ID!) { createBackupLocation(input: { tenantId: $t, name: "minio-wrong", prefix: "sched", s3: { bucket: $b, endpoint: $e, region: $r, forcePathStyle: true }, credentialId: $c }) { id } }',
      { t: tenantId, b: bucket, e: s3.endpoint, r: s3.region, c: credential.createCredential.id },
    );
    const created = await hub.admin<{ createBackup: { id: string } }>(
      'mutation($c: ID!, $l: ID!, $ns: [String!]!) { createBackup(input: { clusterId: $c, locationId: $l, includeNamespaces: $ns }) { id } }',
      { c: clusterId, l: wrong.createBackupLocation.id, ns: [namespace] },
    );
    const { id } = created.createBackup;
    expect((await ended(id)).phase).toBe('Failed');

    // Three days (the default failed-backup retention) after it failed, in real time, plus a minute.
    const cleanup = await passAt(new Date(Date.now() + 3 * 86_400_000 + 60_000));
    expect(cleanup.deletions.FailedCleanup).toBeGreaterThanOrEqual(1);
    const failedDeletion = await waitFor(
      async () => {
        const data = await hub.admin<{ backup: { phase: string; deletion: { reason: string; attempts: number; lastError: string | null; retryAt: string | null } } }>(
          'query($id: ID!) { backup(id: $id) { phase deletion { reason attempts lastError retryAt } } }',
          { id },
        );
        return data.backup.deletion.lastError ? data.backup : undefined;
      },
      { what: 'the deletion with the wrong keys to fail', timeoutMs: 60_000 },
    );
    expect(failedDeletion).toMatchObject({ phase: 'Deleting', deletion: { reason: 'FailedCleanup', attempts: 1 } });
    expect(failedDeletion.deletion.retryAt).not.toBeNull();

    // Not before its retry time (stamped from the real clock); then again, and with the keys mended it goes through.
    const retryAt = new Date(failedDeletion.deletion.retryAt as string);
    expect((await passAt(new Date(retryAt.getTime() - 10_000))).deletions.FailedCleanup).toBe(0);
    await hub.admin('mutation($id: ID!, $k: String!, $s: String!) { updateCredential(id: $id, input: { aws: { accessKeyId: $k, secretAccessKey: $s } }) { id } }', {
      id: credential.createCredential.id,
      k: s3.accessKeyId,
      s: s3.secretAccessKey,
    });
    const retry = await passAt(new Date(retryAt.getTime() + 1000));
    expect(retry.deletions.FailedCleanup).toBe(1);
    await gone(id);
  });
});
