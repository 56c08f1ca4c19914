import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startTestAgent, type TestAgent } from '../../kit/startTestAgent.ts';
import { startTestHub, type TestHub, type TestHubStorage } from '../../kit/startTestHub.ts';
import { waitFor } from '../../world/waitFor.ts';
import type { ClusterInfo } from '../../world/WorldInfo.ts';

// A newer hub may store specs of a version this agent does not know. Such a job reaches the real agent, which
// reads the payload with schema/'s parsers, fails that job with the reason (which spec, which version, upgrade
// the agent) and keeps running: the next job succeeds.
const world = inject('world');
const [cluster] = world.clusters as [ClusterInfo];

let hub: TestHub & TestHubStorage;
let agent: TestAgent;
let clusterId: string;
let locationId: string;
let backupId: string;

interface JobView {
  phase: string;
  error: string | null;
}

async function jobOf(subjectId: string): Promise<JobView | undefined> {
  const data = await hub.admin<{ jobs: { edges: { node: JobView }[] } }>(
    'query($s: ID!) { jobs(filter: { subjectId: $s }) { edges { node { phase error } } } }',
    { s: subjectId },
  );
  const job = data.jobs.edges[0]?.node;
  return job && ['Succeeded', 'Failed'].includes(job.phase) ? job : undefined;
}

const abortIf = () => {
  if (agent.process.exitCode !== null) throw new Error(`the agent exited: ${agent.output().slice(-3000)}`);
};

beforeAll(async () => {
  hub = await startTestHub({ database: 'sqlite', world });
  const tenant = await hub.admin<{ createTenant: { id: string } }>('mutation { createTenant(input: { name: "versions" }) { id } }');
  const t = tenant.createTenant.id;
  const registered = await hub.admin<{ registerCluster: { cluster: { id: string }; enrollmentToken: string } }>(
    'mutation($t: ID!) { registerCluster(input: { tenantId: $t, name: "older-agent" }) { cluster { id } enrollmentToken } }',
    { t },
  );
  clusterId = registered.registerCluster.cluster.id;
  const location = await hub.admin<{ createBackupLocation: { id: string } }>(
    'mutation($t: ID!, $p: String!) { createBackupLocation(input: { tenantId: $t, name: "fs", filesystem: { path: $p } }) { id } }',
    { t, p: mkdtempSync(join(tmpdir(), 'fleetback-location-')) },
  );
  locationId = location.createBackupLocation.id;
  // Queued before any agent is connected, so the spec can be rewritten before the job is offered.
  const created = await hub.admin<{ createBackup: { id: string } }>(
    'mutation($c: ID!, $l: ID!) { createBackup(input: { clusterId: $c, locationId: $l, includeNamespaces: ["default"] }) { id } }',
    { c: clusterId, l: locationId },
  );
  backupId = created.createBackup.id;
  // What a newer hub would store: a backup spec of version 2, which this build's agent does not know.
  const { DatabaseSync } = await import('node:sqlite');
  const db = new DatabaseSync(join(hub.dataDir, 'fleetback.sqlite'));
  const changed = db.prepare("update backups set spec = json_set(spec, '$.version', 2) where id = ?").run(backupId);
  db.close();
  expect(changed.changes).toBe(1);
  agent = startTestAgent({
    hubUrl: hub.url,
    kubeconfigPath: cluster.kubeconfigPath,
    logDir: world.logDir,
    name: 'versions',
    enrollmentToken: registered.registerCluster.enrollmentToken,
  });
});

afterAll(async () => {
  await agent?.stop();
  await hub?.stop();
});

describe('a spec of a version the agent does not know', () => {
  it('fails its job with the reason: which spec, which version, upgrade the agent', async () => {
    const job = await waitFor(() => jobOf(backupId), { what: 'the backup job to end', abortIf });
    expect(job.phase).toBe('Failed');
    expect(job.error).toMatch(
      /^this agent \(\d+\.\d+\.\d+\) cannot run the job: its backup spec is version 2 \(backup\.spec\.version\), and this agent knows only version 1; a newer hub wrote it: upgrade the agent$/,
    );
    const data = await hub.admin<{ backup: { phase: string; result: { errors: string[] } } }>(
      'query($id: ID!) { backup(id: $id) { phase result { errors } } }',
      { id: backupId },
    );
    expect(data.backup).toEqual({ phase: 'Failed', result: { errors: [job.error] } });
  });

  it('leaves the agent running: its next job succeeds', async () => {
    const queued = await hub.admin<{ validateBackupLocation: { id: string } }>(
      'mutation($id: ID!, $c: ID!) { validateBackupLocation(id: $id, clusterId: $c) { id } }',
      { id: locationId, c: clusterId },
    );
    const job = await waitFor(() => jobOf(locationId), { what: 'the location check', abortIf });
    expect(queued.validateBackupLocation.id).toBeTruthy();
    expect(job).toEqual({ phase: 'Succeeded', error: null });
    expect(agent.process.exitCode).toBeNull();
  });
});
