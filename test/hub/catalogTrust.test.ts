import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { BackupEntity } from '../../hub/src/backups/BackupEntity.ts';
import { JobEntity } from '../../hub/src/jobs/JobEntity.ts';
import { databasesOf } from '../kit/databases.ts';
import { ProtocolAgent } from '../kit/ProtocolAgent.ts';
import { aBackup } from '../kit/seedCatalog.ts';
import { type SeedableHub, startSeedableHub } from '../kit/startSeedableHub.ts';

// A catalog rebuilt from a bucket is data an agent reports: whatever cluster or tenant a `backup.json` names,
// the rows belong to the tenant of the job and to the cluster that ran it, other tenants never see them, and
// no job for them ever reaches another tenant's agent.
const world = inject('world');

const digest = 'a'.repeat(64);

function manifestOf(backupId: string, backupName: string, clusterId: string) {
  return {
    formatVersion: 1,
    backupId,
    backupName,
    clusterId,
    spec: { version: 1, clusterId, locationId: 'elsewhere', includeNamespaces: ['shop'], preRuleId: 'foreign-rule' },
    startedAt: '2026-12-01T10:00:00.000Z',
    completedAt: '2026-12-01T10:01:00.000Z',
    phase: 'Completed',
    countsByKind: { configmaps: 2 },
    itemCount: 2,
    bytes: 300,
    archive: { key: 'resources.tar.gz', size: 100, sha256: digest },
    index: { key: 'index.jsonl', size: 100, sha256: digest },
    log: { key: 'log.jsonl', size: 100, sha256: digest },
    warningCount: 0,
    errorCount: 0,
  };
}

interface BackupNode {
  id: string;
  name: string;
  clusterId: string;
  tenantId: string;
}

describe.each(databasesOf(world))('catalog trust on %s', (database) => {
  let hub: SeedableHub;
  let tenantA: string;
  let tenantB: string;
  let clusterA: string;
  let clusterB: string;
  let agentA: ProtocolAgent;
  let agentB: ProtocolAgent;
  let viewerOfClusterB: string;
  let adminA: string;
  let secretBackupOfB: string;
  let rebuildMessage: string;
  const forgedId = randomUUID();
  const secondForgedId = randomUUID();

  const must = async <T>(token: string, query: string, variables?: object): Promise<T> => {
    const r = await hub.gql<T>(token, query, variables);
    if (r.errors) throw new Error(JSON.stringify(r.errors));
    return r.data as T;
  };
  const admin = <T>(query: string, variables?: object) => must<T>(hub.adminToken, query, variables);

  async function tokenOf(tenantId: string, role: string, clusterIds: string[] = []): Promise<string> {
    const data = await admin<{ createApiToken: { token: string } }>(
      `mutation($t: ID!, $c: [ID!]!) { createApiToken(input: { tenantId: $t, name: "t-${role}-${clusterIds.length}", role: ${role}, clusterIds: $c }) { token } }`,
      { t: tenantId, c: clusterIds },
    );
    return data.createApiToken.token;
  }

  async function connectedCluster(tenantId: string, name: string): Promise<{ id: string; agent: ProtocolAgent }> {
    const data = await admin<{ registerCluster: { cluster: { id: string }; enrollmentToken: string } }>(
      'mutation($t: ID!, $n: String!) { registerCluster(input: { tenantId: $t, name: $n }) { cluster { id } enrollmentToken } }',
      { t: tenantId, n: name },
    );
    const enrolling = await ProtocolAgent.connect({ hubUrl: hub.url });
    const enrolled = await enrolling.request<{ enroll: { credential: string } }>(
      'mutation($t: String!) { enroll(token: $t) { credential } }',
      { t: data.registerCluster.enrollmentToken },
    );
    enrolling.close();
    const agent = await ProtocolAgent.connect({ hubUrl: hub.url, credential: enrolled.data?.enroll.credential as string });
    agent.subscribeJobs();
    return { id: data.registerCluster.cluster.id, agent };
  }

  async function takeJob(agent: ProtocolAgent, jobId: string): Promise<void> {
    await agent.nextEvent((e) => e.jobId === jobId && e.type === 'Offer');
    const ack = await agent.request<{ ackJob: { run: boolean } }>('mutation($id: ID!) { ackJob(id: $id) { run } }', {
      id: jobId,
    });
    expect(ack.data?.ackJob.run).toBe(true);
  }

  const backupsSeenBy = async (token: string) =>
    (
      await must<{ backups: { edges: { node: BackupNode }[] } }>(
        token,
        'query { backups(first: 100) { edges { node { id name clusterId tenantId } } } }',
      )
    ).backups.edges.map((e) => e.node);

  beforeAll(async () => {
    hub = await startSeedableHub({ database, world });
    const tenant = async (name: string) =>
      (await admin<{ createTenant: { id: string } }>(`mutation { createTenant(input: { name: "${name}" }) { id } }`))
        .createTenant.id;
    tenantA = await tenant('attacker');
    tenantB = await tenant('victim');
    const a = await connectedCluster(tenantA, 'a1');
    const b = await connectedCluster(tenantB, 'b1');
    clusterA = a.id;
    agentA = a.agent;
    clusterB = b.id;
    agentB = b.agent;
    viewerOfClusterB = await tokenOf(tenantB, 'viewer', [clusterB]);
    adminA = await tokenOf(tenantA, 'admin');
    secretBackupOfB = await aBackup(tenantB, clusterB).named('victim-secret-name').insert(hub.orm);

    const location = await must<{ createBackupLocation: { id: string } }>(
      adminA,
      'mutation($t: ID!) { createBackupLocation(input: { tenantId: $t, name: "fs", filesystem: { path: "/backups" } }) { id } }',
      { t: tenantA },
    );
    const job = await must<{ rebuildCatalog: { id: string } }>(
      adminA,
      'mutation($l: ID!, $c: ID!) { rebuildCatalog(locationId: $l, clusterId: $c) { id } }',
      { l: location.createBackupLocation.id, c: clusterA },
    );
    const jobId = job.rebuildCatalog.id;
    await takeJob(agentA, jobId);
    const outcome = {
      backups: [
        manifestOf(forgedId, 'victim-secret-name', clusterB),
        manifestOf(secondForgedId, 'fresh-name', clusterB),
        manifestOf(secretBackupOfB, 'stolen', clusterB),
      ],
      unreadable: [],
    };
    const completed = await agentA.request<{ completeJob: { accepted: boolean } }>(
      'mutation($id: ID!, $o: String) { completeJob(id: $id, outcome: $o) { accepted } }',
      { id: jobId, o: JSON.stringify(outcome) },
    );
    expect(completed.errors).toBeUndefined();
    expect(completed.data?.completeJob.accepted).toBe(true);
    const done = await must<{ job: { phase: string; progress: { message: string } } }>(
      adminA,
      'query($id: ID!) { job(id: $id) { phase progress { message } } }',
      { id: jobId },
    );
    expect(done.job.phase).toBe('Succeeded');
    rebuildMessage = done.job.progress.message;
  });
  afterAll(async () => {
    agentA?.close();
    agentB?.close();
    await hub?.stop();
  });

  it('stores a backup whose manifest names another tenant’s cluster under the cluster that rebuilt it', async () => {
    const row = await hub.orm.em.fork().findOneOrFail(BackupEntity, { id: forgedId }, { filters: false });
    expect({ tenantId: row.tenantId, clusterId: row.clusterId, specCluster: row.spec.clusterId }).toEqual({
      tenantId: tenantA,
      clusterId: clusterA,
      specCluster: clusterA,
    });
    expect(row.spec.preRuleId).toBeNull();
    expect((await backupsSeenBy(adminA)).map((b) => b.id).sort()).toEqual([forgedId, secondForgedId].sort());
  });

  it('never shows the imported backup to the victim’s cluster-narrowed viewer', async () => {
    expect((await backupsSeenBy(viewerOfClusterB)).map((b) => b.id)).toEqual([secretBackupOfB]);
  });

  it('refuses a manifest whose id another tenant holds, without overwriting or naming it', async () => {
    const row = await hub.orm.em.fork().findOneOrFail(BackupEntity, { id: secretBackupOfB }, { filters: false });
    expect({ tenantId: row.tenantId, clusterId: row.clusterId, name: row.name }).toEqual({
      tenantId: tenantB,
      clusterId: clusterB,
      name: 'victim-secret-name',
    });
    expect(rebuildMessage).toContain('imported 2 backup(s)');
    expect(rebuildMessage).toContain('id not available to this tenant: 1 backup(s)');
    expect(rebuildMessage).not.toContain(secretBackupOfB);
    expect(rebuildMessage).not.toContain('stolen');
  });

  it('sends the deletion of an imported backup to the tenant’s own agent, never to the victim’s', async () => {
    await must(adminA, 'mutation($id: ID!) { deleteBackup(id: $id) { id } }', { id: forgedId });
    const jobs = await admin<{ jobs: { edges: { node: { id: string; clusterId: string; tenantId: string } }[] } }>(
      'query($s: ID!) { jobs(filter: { subjectId: $s }) { edges { node { id clusterId tenantId } } } }',
      { s: forgedId },
    );
    const deletion = jobs.jobs.edges.map((e) => e.node);
    expect(deletion.map((j) => ({ clusterId: j.clusterId, tenantId: j.tenantId }))).toEqual([
      { clusterId: clusterA, tenantId: tenantA },
    ]);
    await agentA.nextEvent((e) => e.jobId === deletion[0]?.id && e.type === 'Offer');
    expect(agentB.events).toEqual([]);
  });

  it('hides a row that names a cluster of the caller’s but another tenant', async () => {
    const planted = await aBackup(tenantA, clusterB).named('planted').insert(hub.orm);
    expect((await backupsSeenBy(adminA)).map((b) => b.id)).toContain(planted);
    const seen = (await backupsSeenBy(viewerOfClusterB)).map((b) => b.id);
    expect(seen).not.toContain(planted);
    expect(seen).toEqual([secretBackupOfB]);
  });

  it('never offers a job row naming another tenant to the agent of the cluster it names', async () => {
    const planted = hub.orm.em.fork();
    const job = planted.create(JobEntity, {
      tenantId: tenantA,
      clusterId: clusterB,
      kind: 'deleteBackup',
      subjectId: forgedId,
      phase: 'Queued',
      attempts: 0,
      leaseExpiresAt: null,
      progress: null,
      error: null,
      startedAt: null,
      finishedAt: null,
    });
    await planted.flush();
    const locationB = await admin<{ createBackupLocation: { id: string } }>(
      'mutation($t: ID!) { createBackupLocation(input: { tenantId: $t, name: "fs", filesystem: { path: "/backups" } }) { id } }',
      { t: tenantB },
    );
    const own = await admin<{ validateBackupLocation: { id: string } }>(
      'mutation($id: ID!, $c: ID!) { validateBackupLocation(id: $id, clusterId: $c) { id } }',
      { id: locationB.createBackupLocation.id, c: clusterB },
    );
    await agentB.nextEvent((e) => e.jobId === own.validateBackupLocation.id && e.type === 'Offer');
    expect(agentB.events.map((e) => e.jobId)).toEqual([own.validateBackupLocation.id]);
    expect(agentB.events.map((e) => e.jobId)).not.toContain(job.id);
  });
});
