import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ProtocolAgent } from '../kit/ProtocolAgent.ts';
import { startTestHub, type TestHub, type TestHubStorage } from '../kit/startTestHub.ts';

// Leases and cancellation at the protocol level, on a hub with a 3-second lease: a job whose agent stays
// connected but silent is offered again, and a cancelled job is withdrawn from the agent running it.
const world = inject('world');

let hub: TestHub & TestHubStorage;
let agent: ProtocolAgent;
let clusterId: string;
let credential: string;
let locationId: string;


async function queueJob(): Promise<string> {
  const data = await hub.admin<{ validateBackupLocation: { id: string } }>(
    'mutation($id: ID!, $c: ID!) { validateBackupLocation(id: $id, clusterId: $c) { id } }',
    { id: locationId, c: clusterId },
  );
  return data.validateBackupLocation.id;
}

beforeAll(async () => {
  hub = await startTestHub({ database: 'sqlite', world, jobLeaseSeconds: 3 });
  const tenant = await hub.admin<{ createTenant: { id: string } }>('mutation { createTenant(input: { name: "leases" }) { id } }');
  const t = tenant.createTenant.id;
  const registered = await hub.admin<{ registerCluster: { cluster: { id: string }; enrollmentToken: string } }>(
    'mutation($t: ID!) { registerCluster(input: { tenantId: $t, name: "slow" }) { cluster { id } enrollmentToken } }',
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
  credential = enrolled.data?.enroll.credential as string;
  agent = await ProtocolAgent.connect({ hubUrl: hub.url, credential });
  agent.subscribeJobs();
});

afterAll(async () => {
  agent?.close();
  await hub?.stop();
});

describe('job leases', () => {
  it('offers a job again when its agent holds it past the lease without a word', async () => {
    const jobId = await queueJob();
    await agent.nextEvent((e) => e.jobId === jobId && e.attempt === 1);
    const ack = await agent.request<{ ackJob: { run: boolean } }>('mutation($id: ID!) { ackJob(id: $id) { run } }', { id: jobId });
    expect(ack.data?.ackJob.run).toBe(true);
    const again = await agent.nextEvent((e) => e.jobId === jobId && e.attempt === 2);
    expect(again.type).toBe('Offer');
  });

  it('keeps a job whose agent reports progress, and records that progress', async () => {
    const jobId = await queueJob();
    await agent.nextEvent((e) => e.jobId === jobId && e.attempt === 1);
    await agent.request('mutation($id: ID!) { ackJob(id: $id) { run } }', { id: jobId });
    // Report for longer than two leases; no second offer may arrive meanwhile.
    for (let i = 1; i <= 8; i++) {
      const answer = await agent.request<{ reportProgress: { stop: boolean } }>(
        'mutation($id: ID!, $d: Int!) { reportProgress(id: $id, progress: { done: $d, total: 8, bytes: 0 }) { stop } }',
        { id: jobId, d: i },
      );
      expect(answer.data?.reportProgress.stop).toBe(false);
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
    expect(agent.events.filter((e) => e.jobId === jobId).map((e) => e.attempt)).toEqual([1]);
    const data = await hub.admin<{ job: { phase: string; progress: { done: number; total: number } } }>(
      'query($id: ID!) { job(id: $id) { phase progress { done total } } }',
      { id: jobId },
    );
    expect(data.job).toEqual({ phase: 'Running', progress: { done: 8, total: 8 } });
    await agent.request('mutation($id: ID!) { completeJob(id: $id) { accepted } }', { id: jobId });
  });

  it('withdraws a cancelled job from its agent, whose next report is told to stop', async () => {
    const jobId = await queueJob();
    await agent.nextEvent((e) => e.jobId === jobId && e.type === 'Offer');
    await agent.request('mutation($id: ID!) { ackJob(id: $id) { run } }', { id: jobId });
    await hub.admin('mutation($id: ID!) { cancelJob(id: $id) { phase } }', { id: jobId });
    await agent.nextEvent((e) => e.jobId === jobId && e.type === 'Cancel');
    const answer = await agent.request<{ reportProgress: { stop: boolean; reason: string } }>(
      'mutation($id: ID!) { reportProgress(id: $id, progress: { done: 1, total: 2, bytes: 0 }) { stop reason } }',
      { id: jobId },
    );
    expect(answer.data?.reportProgress).toEqual({ stop: true, reason: 'cancelled by a user before it finished' });
    const late = await agent.request<{ completeJob: { accepted: boolean; phase: string } }>(
      'mutation($id: ID!) { completeJob(id: $id) { accepted phase } }',
      { id: jobId },
    );
    expect(late.data?.completeJob).toEqual({ accepted: false, phase: 'Cancelled' });
  });

  it('rotates the credential: the new one works, the old one is refused, the rotating link stays up', async () => {
    const rotated = await agent.request<{ rotateCredential: string }>('mutation { rotateCredential }');
    const fresh = rotated.data?.rotateCredential as string;
    expect(fresh).toMatch(/^fbk_agent_/);
    const refusal = await ProtocolAgent.refused({ hubUrl: hub.url, credential });
    expect(refusal.reason).toMatch(/credential is not valid/);
    const next = await ProtocolAgent.connect({ hubUrl: hub.url, credential: fresh });
    const info = await next.request<{ hub: { clusterId: string } }>('{ hub { clusterId } }');
    expect(info.data?.hub.clusterId).toBe(clusterId);
    next.close();
    const still = await agent.request<{ hub: { clusterId: string } }>('{ hub { clusterId } }');
    expect(still.data?.hub.clusterId).toBe(clusterId);
    expect(agent.closed).toBeUndefined();
  });
});
