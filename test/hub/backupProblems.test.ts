import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ProtocolAgent } from '../kit/ProtocolAgent.ts';
import { startTestHub, type TestHub, type TestHubStorage } from '../kit/startTestHub.ts';

// A backup's warnings and errors are data: what the agent reports with each problem's object is stored and
// served as `Backup.warnings` and `Backup.errors`, beside the one-line `result` lists; an outcome of an agent
// older than the objects still shows its lines there, as problems of no one object.
const world = inject('world');

let hub: TestHub & TestHubStorage;
let agent: ProtocolAgent;
let clusterId: string;
let locationId: string;

const problemFields = 'type namespace name message';
interface Problem {
  type: string | null;
  namespace: string | null;
  name: string | null;
  message: string;
}
interface BackupView {
  phase: string;
  warnings: Problem[];
  errors: Problem[];
  result: { warnings: string[]; errors: string[] };
}

/** Creates a backup and has the agent take its job: the backup's id and its job's. */
async function takenBackup(name: string): Promise<{ id: string; jobId: string }> {
  const created = await hub.admin<{ createBackup: { id: string } }>(
    'mutation($c: ID!, $l: ID!, $n: String!) { createBackup(input: { clusterId: $c, locationId: $l, name: $n }) { id } }',
    { c: clusterId, l: locationId, n: name },
  );
  const id = created.createBackup.id;
  const jobs = await hub.admin<{ jobs: { edges: { node: { id: string } }[] } }>(
    'query($s: ID!) { jobs(filter: { subjectId: $s }) { edges { node { id } } } }',
    { s: id },
  );
  const jobId = jobs.jobs.edges[0]?.node.id as string;
  await agent.nextEvent((e) => e.jobId === jobId && e.type === 'Offer');
  await agent.request('mutation($id: ID!) { ackJob(id: $id) { run } }', { id: jobId });
  return { id, jobId };
}

/** Ends a taken job with `outcome`, `completeJob`'s text as an agent sends it. */
function completeJob(jobId: string, outcome: string | null) {
  return agent.request<{ completeJob: { accepted: boolean } }>(
    'mutation($id: ID!, $o: String) { completeJob(id: $id, outcome: $o) { accepted } }',
    { id: jobId, o: outcome },
  );
}

/** Takes a backup through the agent link, ending it with `outcome` as an agent would. */
async function backupEndingWith(name: string, outcome: object): Promise<BackupView> {
  const { id, jobId } = await takenBackup(name);
  const completed = await completeJob(jobId, JSON.stringify(outcome));
  expect(completed.errors).toBeUndefined();
  const data = await hub.admin<{ backup: BackupView }>(
    `query($id: ID!) { backup(id: $id) { phase warnings { ${problemFields} } errors { ${problemFields} } result { warnings errors } } }`,
    { id },
  );
  return data.backup;
}

beforeAll(async () => {
  hub = await startTestHub({ database: 'sqlite', world });
  const tenant = await hub.admin<{ createTenant: { id: string } }>('mutation { createTenant(input: { name: "problems" }) { id } }');
  const t = tenant.createTenant.id;
  const registered = await hub.admin<{ registerCluster: { cluster: { id: string }; enrollmentToken: string } }>(
    'mutation($t: ID!) { registerCluster(input: { tenantId: $t, name: "source" }) { cluster { id } enrollmentToken } }',
    { t },
  );
  clusterId = registered.registerCluster.cluster.id;
  const location = await hub.admin<{ createBackupLocation: { id: string } }>(
    'mutation($t: ID!, $p: String!) { createBackupLocation(input: { tenantId: $t, name: "fs", filesystem: { path: $p } }) { id } }',
    { t, p: mkdtempSync(join(tmpdir(), 'fleetback-location-')) },
  );
  locationId = location.createBackupLocation.id;
  const enrolling = await ProtocolAgent.connect({ hubUrl: hub.url });
  const enrolled = await enrolling.request<{ enroll: { credential: string } }>(
    'mutation($t: String!) { enroll(token: $t) { credential } }',
    { t: registered.registerCluster.enrollmentToken },
  );
  enrolling.close();
  agent = await ProtocolAgent.connect({ hubUrl: hub.url, credential: enrolled.data?.enroll.credential as string });
  agent.subscribeJobs();
});

afterAll(async () => {
  agent?.close();
  await hub?.stop();
});

describe('backup warnings and errors as data', () => {
  it('stores and serves each problem with the object it concerns', async () => {
    const denied: Problem = { type: 'secrets', namespace: 'shop', name: null, message: 'could not be listed: HTTP 403' };
    const gone: Problem = { type: 'configmaps', namespace: 'shop', name: 'settings', message: 'was deleted while it was read' };
    const filter: Problem = { type: null, namespace: null, name: null, message: "includeNamespaces: 'x*' matches no namespace" };
    const backup = await backupEndingWith('with-objects', {
      phase: 'PartiallyFailed',
      countsByKind: { configmaps: 1 },
      bytes: 10,
      warnings: ["includeNamespaces: 'x*' matches no namespace", 'configmaps shop/settings: was deleted while it was read'],
      errors: ['secrets shop: could not be listed: HTTP 403'],
      problems: { warnings: [filter, gone], errors: [denied] },
    });
    expect(backup).toEqual({
      phase: 'PartiallyFailed',
      warnings: [filter, gone],
      errors: [denied],
      result: {
        warnings: ["includeNamespaces: 'x*' matches no namespace", 'configmaps shop/settings: was deleted while it was read'],
        errors: ['secrets shop: could not be listed: HTTP 403'],
      },
    });
  });

  it("shows an older agent's lines as problems of no one object", async () => {
    const backup = await backupEndingWith('older-agent', {
      phase: 'Completed',
      countsByKind: { configmaps: 1 },
      bytes: 10,
      warnings: ['configmaps shop/settings: was deleted while it was read'],
      errors: [],
    });
    expect(backup.warnings).toEqual([
      { type: null, namespace: null, name: null, message: 'configmaps shop/settings: was deleted while it was read' },
    ]);
    expect(backup.errors).toEqual([]);
  });

  it('refuses an outcome whose problems do not match its lines, naming the field', async () => {
    const { jobId } = await takenBackup('mismatched');
    const outcome = { phase: 'Completed', countsByKind: {}, bytes: 0, warnings: ['one'], errors: [], problems: { warnings: [], errors: [] } };
    const refused = await completeJob(jobId, JSON.stringify(outcome));
    expect(refused.errors?.[0]).toMatchObject({
      message: 'outcome.problems.warnings: must list as many as outcome.warnings (1)',
      extensions: { code: 'BAD_USER_INPUT', field: 'outcome.problems.warnings' },
    });
  });

  it('refuses a completed backup without an outcome, or with one that is not JSON, and the job stays open', async () => {
    const { id, jobId } = await takenBackup('no-outcome');
    const missing = await completeJob(jobId, null);
    expect(missing.errors?.[0]).toMatchObject({
      message: 'outcome: is required for a job of this kind',
      extensions: { code: 'BAD_USER_INPUT', field: 'outcome' },
    });
    const garbled = await completeJob(jobId, '{"phase":');
    expect(garbled.errors?.[0]).toMatchObject({ message: 'outcome: must be JSON', extensions: { code: 'BAD_USER_INPUT' } });
    const data = await hub.admin<{ backup: { phase: string } }>('query($id: ID!) { backup(id: $id) { phase } }', { id });
    expect(data.backup.phase).toBe('Running');
  });
});
