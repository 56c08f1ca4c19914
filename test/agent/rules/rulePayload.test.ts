import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { parseJobPayload } from '../../../agent/src/jobs/parseJobPayload.ts';
import { ProtocolAgent } from '../../kit/ProtocolAgent.ts';
import { startTestHub, type TestHub, type TestHubStorage } from '../../kit/startTestHub.ts';
import { waitFor } from '../../world/waitFor.ts';

// The hub resolves a backup's pre- and post-exec rules into the job it offers the agent, as they are at that
// moment; a rule deleted while the backup waited fails the job instead of backing up without it.
const world = inject('world');

let hub: TestHub & TestHubStorage;
let tenantId: string;
let clusterId: string;
let locationId: string;
let credential: string;


async function createRule(name: string, command: string): Promise<string> {
  const data = await hub.admin<{ createRule: { id: string } }>(
    'mutation($i: CreateRuleInput!) { createRule(input: $i) { id } }',
    { i: { tenantId, name, spec: { subRules: [{ podSelectors: ['app=db'], actions: [{ command, background: true }] }] } } },
  );
  return data.createRule.id;
}

async function createBackup(name: string, rules: { preRuleId?: string; postRuleId?: string }): Promise<string> {
  const data = await hub.admin<{ createBackup: { id: string } }>(
    'mutation($i: CreateBackupInput!) { createBackup(input: $i) { id } }',
    { i: { clusterId, locationId, name, ...rules } },
  );
  return data.createBackup.id;
}

async function jobOf(backupId: string): Promise<{ id: string; phase: string; error: string | null }> {
  const data = await hub.admin<{ jobs: { edges: { node: { id: string; phase: string; error: string | null } }[] } }>(
    'query($s: ID!) { jobs(filter: { subjectId: $s }) { edges { node { id phase error } } } }',
    { s: backupId },
  );
  const job = data.jobs.edges[0]?.node;
  if (!job) throw new Error(`backup ${backupId} has no job`);
  return job;
}

beforeAll(async () => {
  hub = await startTestHub({ database: 'sqlite', world });
  tenantId = (await hub.admin<{ createTenant: { id: string } }>('mutation { createTenant(input: { name: "rules" }) { id } }'))
    .createTenant.id;
  const registered = await hub.admin<{ registerCluster: { cluster: { id: string }; enrollmentToken: string } }>(
    'mutation($t: ID!) { registerCluster(input: { tenantId: $t, name: "db" }) { cluster { id } enrollmentToken } }',
    { t: tenantId },
  );
  clusterId = registered.registerCluster.cluster.id;
  locationId = (
    await hub.admin<{ createBackupLocation: { id: string } }>(
      'mutation($t: ID!, $p: String!) { createBackupLocation(input: { tenantId: $t, name: "fs", filesystem: { path: $p } }) { id } }',
      { t: tenantId, p: mkdtempSync(join(tmpdir(), 'fleetback-rules-location-')) },
    )
  ).createBackupLocation.id;
  const enrolling = await ProtocolAgent.connect({ hubUrl: hub.url });
  const enrolled = await enrolling.request<{ enroll: { credential: string } }>(
    'mutation($t: String!) { enroll(token: $t) { credential } }',
    { t: registered.registerCluster.enrollmentToken },
  );
  enrolling.close();
  credential = enrolled.data?.enroll.credential as string;
});

afterAll(async () => {
  await hub?.stop();
});

describe('backup rules in the job payload', () => {
  it("carries the backup's rules, resolved, which the agent parses", async () => {
    const agent = await ProtocolAgent.connect({ hubUrl: hub.url, credential });
    try {
      agent.subscribeJobs();
      const pre = await createRule('lock', 'read _');
      const post = await createRule('notify', 'echo done');
      const backupId = await createBackup('with-rules', { preRuleId: pre, postRuleId: post });
      const { id: jobId } = await jobOf(backupId);
      const offer = await agent.nextEvent((e) => e.jobId === jobId && e.type === 'Offer');
      const payload = parseJobPayload(offer.payload);
      expect(payload.kind).toBe('backup');
      if (payload.kind !== 'backup') return;
      expect(payload.preRule).toMatchObject({
        id: pre,
        name: 'lock',
        spec: { version: 1, subRules: [{ podSelectors: ['app=db'], namespaces: [], actions: [{ command: 'read _', background: true }] }] },
      });
      expect(payload.postRule).toMatchObject({ id: post, name: 'notify' });

      const plain = await createBackup('without-rules', {});
      const plainJob = await jobOf(plain);
      const plainOffer = parseJobPayload((await agent.nextEvent((e) => e.jobId === plainJob.id && e.type === 'Offer')).payload);
      expect(plainOffer).toMatchObject({ preRule: null, postRule: null });
    } finally {
      agent.close();
    }
  });

  it('fails the job, saying why, when its rule was deleted while the backup waited', async () => {
    const rule = await createRule('short-lived', 'sync');
    // No agent is connected: the job waits, and its rule goes meanwhile.
    const backupId = await createBackup('orphaned', { preRuleId: rule });
    await hub.admin('mutation($id: ID!) { deleteRule(id: $id) }', { id: rule });
    const agent = await ProtocolAgent.connect({ hubUrl: hub.url, credential });
    try {
      agent.subscribeJobs();
      const job = await waitFor(async () => {
        const j = await jobOf(backupId);
        return j.phase === 'Failed' && j;
      }, { what: 'the job to fail', timeoutMs: 20_000 });
      expect(job.error).toBe(
        `the pre-exec rule '${rule}' of backup 'orphaned' no longer exists; take the backup again without it or with another rule`,
      );
      expect(agent.events.filter((e) => e.jobId === job.id)).toEqual([]);
    } finally {
      agent.close();
    }
  });
});
