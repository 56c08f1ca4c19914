import { randomBytes } from 'node:crypto';
import { CreateBucketCommand, S3Client } from '@aws-sdk/client-s3';
import { KubeConfig } from '@kubernetes/client-node';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { KubeWriter } from '../../../agent/src/kube/KubeWriter.ts';
import { type FreezableProxy, startFreezableProxy } from '../../kit/startFreezableProxy.ts';
import { startTestAgent, type TestAgent } from '../../kit/startTestAgent.ts';
import { startTestHub, type TestHub } from '../../kit/startTestHub.ts';
import { waitFor } from '../../world/waitFor.ts';

// A frozen object store — it accepts connections and stops answering, here a loopback proxy in front of MinIO
// that stops forwarding mid-transfer — used to hold a backup `Running` with no word for as long as it stayed
// frozen, the SDK retrying into it. With the agent's stall limits set short, the job's progress warns that the
// location has not answered, and then the backup (or the restore) fails with a reason naming the location.
const world = inject('world');
const a = world.clusters.find((c) => c.name === 'a');
const s3 = world.s3;
const run = Date.now().toString(36);
const namespace = `frozen-${run}`;
const bucket = `frozen-${run}`;
const warningSeconds = 2;
const timeoutSeconds = 8;

interface JobView {
  phase: string;
  error: string | null;
  progress: { message: string | null } | null;
}

let hub: TestHub;
let agent: TestAgent | undefined;
const proxies: FreezableProxy[] = [];

describe.skipIf(!a || !s3)('a backup location that freezes mid-transfer', () => {
  const kube = a ? writerFor(a.kubeconfigPath) : (undefined as never);
  let tenantId = '';
  let clusterId = '';
  let credentialId = '';

  async function gql<T>(query: string, variables?: object): Promise<T> {
    const result = await hub.gql<T>(hub.adminToken, query, variables);
    if (result.errors?.length) throw new Error(result.errors.map((e) => e.message).join('; '));
    return result.data as T;
  }

  /** A location whose endpoint is a fresh freezable proxy in front of the world's MinIO. */
  async function proxiedLocation(name: string): Promise<{ id: string; proxy: FreezableProxy }> {
    const proxy = await startFreezableProxy(new URL((s3 as { endpoint: string }).endpoint));
    proxies.push(proxy);
    const { createBackupLocation } = await gql<{ createBackupLocation: { id: string } }>(
      'mutation($input: CreateBackupLocationInput!) { createBackupLocation(input: $input) { id } }',
      {
        input: {
          tenantId,
          name,
          prefix: name,
          s3: { bucket, endpoint: proxy.url, region: s3?.region, forcePathStyle: true },
          credentialId,
        },
      },
    );
    return { id: createBackupLocation.id, proxy };
  }

  /** The job acting on `subjectId` (a backup or a restore), as the hub shows it. */
  async function jobOf(subjectId: string): Promise<JobView | undefined> {
    const { jobs } = await gql<{ jobs: { edges: { node: JobView }[] } }>(
      'query($s: ID!) { jobs(filter: { subjectId: $s }) { edges { node { phase error progress { message } } } } }',
      { s: subjectId },
    );
    return jobs.edges[0]?.node;
  }

  /**
   * Waits for the stall warning in the running job's progress, then for the job to fail; returns its error.
   * The job is the one acting on `subject` (a backup or a restore), or the one `subject` reads.
   */
  async function warnsThenFails(subject: string | (() => Promise<JobView>)): Promise<string> {
    const read = typeof subject === 'string' ? () => jobOf(subject) : subject;
    const alive = () => {
      if (agent && agent.process.exitCode !== null) throw new Error(`the agent died:\n${agent.output().slice(-3000)}`);
    };
    const warned = await waitFor(async () => {
      const job = await read();
      if (job?.phase === 'Failed') throw new Error(`failed before any warning was seen: ${job.error}`);
      return job?.progress?.message?.includes('has not answered') ? job : undefined;
    }, { what: 'the stall warning in the job progress', abortIf: alive });
    expect(warned.phase).toBe('Running');
    expect(warned.progress?.message).toMatch(new RegExp(`warning: the location s3://${bucket}/[\\w-]+ at http://127\\.0\\.0\\.1:\\d+ has not answered for ${warningSeconds} s`));
    const failed = await waitFor(async () => {
      const job = await read();
      return job?.phase === 'Failed' ? job : undefined;
    }, { what: 'the job to fail', abortIf: alive });
    return failed.error ?? '';
  }

  beforeAll(async () => {
    const client = new S3Client({
      endpoint: s3?.endpoint,
      region: s3?.region,
      forcePathStyle: true,
      credentials: { accessKeyId: s3?.accessKeyId ?? '', secretAccessKey: s3?.secretAccessKey ?? '' },
    });
    await client.send(new CreateBucketCommand({ Bucket: bucket }));
    hub = await startTestHub({ database: 'sqlite', world });
    tenantId = (await gql<{ createTenant: { id: string } }>('mutation { createTenant(input: { name: "frozen" }) { id } }')).createTenant.id;
    const { registerCluster } = await gql<{ registerCluster: { cluster: { id: string }; enrollmentToken: string } }>(
      'mutation($t: ID!) { registerCluster(input: { tenantId: $t, name: "a" }) { cluster { id } enrollmentToken } }',
      { t: tenantId },
    );
    clusterId = registerCluster.cluster.id;
    credentialId = (await gql<{ createCredential: { id: string } }>(
      'mutation($input: CreateCredentialInput!) { createCredential(input: $input) { id } }',
      { input: { tenantId, name: 'minio', aws: { accessKeyId: s3?.accessKeyId, secretAccessKey: s3?.secretAccessKey } } },
    )).createCredential.id;
    agent = startTestAgent({
      hubUrl: hub.url,
      kubeconfigPath: (a as { kubeconfigPath: string }).kubeconfigPath,
      logDir: world.logDir,
      name: 'frozen-store',
      enrollmentToken: registerCluster.enrollmentToken,
      env: {
        FLEETBACK_STORE_STALL_WARNING_SECONDS: String(warningSeconds),
        FLEETBACK_STORE_STALL_TIMEOUT_SECONDS: String(timeoutSeconds),
      },
    });
    // Some megabytes of incompressible data, so that a freeze after the first megabyte lands mid-transfer.
    await kube.send('POST', '/api/v1/namespaces', { apiVersion: 'v1', kind: 'Namespace', metadata: { name: namespace } });
    for (let i = 0; i < 8; i += 1) {
      await kube.send('POST', `/api/v1/namespaces/${namespace}/configmaps`, {
        apiVersion: 'v1',
        kind: 'ConfigMap',
        metadata: { name: `bulk-${i}` },
        data: { blob: randomBytes(500_000).toString('base64') },
      });
    }
  });

  afterAll(async () => {
    await agent?.kill();
    await hub?.stop();
    for (const proxy of proxies) await proxy.stop();
    for (const name of [namespace, `${namespace}-copy`]) await kube.send('DELETE', `/api/v1/namespaces/${name}`).catch(() => undefined);
  });

  it('warns in progress, then fails the backup naming the location, when the store freezes mid-upload', async () => {
    const { id: locationId, proxy } = await proxiedLocation('backups-freeze');
    proxy.freezeAfter('up', 1_000_000);
    const { createBackup } = await gql<{ createBackup: { id: string } }>(
      'mutation($input: CreateBackupInput!) { createBackup(input: $input) { id } }',
      { input: { clusterId, locationId, includeNamespaces: [namespace] } },
    );
    const error = await warnsThenFails(createBackup.id);
    expect(proxy.frozen).toBe(true);
    expect(error).toMatch(
      new RegExp(`the location s3://${bucket}/backups-freeze at ${proxy.url} has not answered for \\d+ s \\(the agent's limit is ${timeoutSeconds} s, FLEETBACK_STORE_STALL_TIMEOUT_SECONDS\\): it accepts connections but stopped answering`),
    );
    const { backup } = await gql<{ backup: { phase: string } }>('query($id: ID!) { backup(id: $id) { phase } }', { id: createBackup.id });
    expect(backup.phase).toBe('Failed');
  });

  it('warns in progress, then fails the restore naming the location, when the store freezes mid-download', async () => {
    const { id: locationId, proxy } = await proxiedLocation('restores-freeze');
    const { createBackup } = await gql<{ createBackup: { id: string } }>(
      'mutation($input: CreateBackupInput!) { createBackup(input: $input) { id } }',
      { input: { clusterId, locationId, includeNamespaces: [namespace] } },
    );
    const backup = await waitFor(async () => {
      const job = await jobOf(createBackup.id);
      return job?.phase === 'Succeeded' || job?.phase === 'Failed' ? job : undefined;
    }, { what: 'the backup through the working proxy to end' });
    expect(backup.error).toBeNull();

    proxy.freezeAfter('down', 1_000_000);
    const { createRestore } = await gql<{ createRestore: { id: string } }>(
      'mutation($input: CreateRestoreInput!) { createRestore(input: $input) { id } }',
      { input: { backupId: createBackup.id, targetClusterId: clusterId, namespaceMapping: [{ from: namespace, to: `${namespace}-copy` }] } },
    );
    const error = await warnsThenFails(createRestore.id);
    expect(proxy.frozen).toBe(true);
    expect(error).toMatch(new RegExp(`the location s3://${bucket}/restores-freeze at ${proxy.url} has not answered for \\d+ s`));
    const { restore } = await gql<{ restore: { phase: string } }>('query($id: ID!) { restore(id: $id) { phase } }', { id: createRestore.id });
    expect(restore.phase).toBe('Failed');
  });

  it('warns in progress, then fails a catalog read naming the location, when the store is frozen', async () => {
    const { id: locationId, proxy } = await proxiedLocation('catalog-freeze');
    proxy.freeze();
    const { rebuildCatalog } = await gql<{ rebuildCatalog: { id: string } }>(
      'mutation($c: ID!, $l: ID!) { rebuildCatalog(clusterId: $c, locationId: $l) { id } }',
      { c: clusterId, l: locationId },
    );
    const error = await warnsThenFails(async () =>
      (await gql<{ job: JobView }>('query($id: ID!) { job(id: $id) { phase error progress { message } } }', { id: rebuildCatalog.id })).job,
    );
    expect(error).toMatch(new RegExp(`the location s3://${bucket}/catalog-freeze at ${proxy.url} has not answered for \\d+ s`));
  });
});

function writerFor(kubeconfigPath: string): KubeWriter {
  const config = new KubeConfig();
  config.loadFromFile(kubeconfigPath);
  return KubeWriter.of(config);
}
