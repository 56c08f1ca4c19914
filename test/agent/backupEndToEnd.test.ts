import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CreateBucketCommand, ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import { BlobServiceClient } from '@azure/storage-blob';
import { CoreV1Api, KubeConfig } from '@kubernetes/client-node';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startTestAgent, type TestAgent } from '../kit/startTestAgent.ts';
import { startTestHub, type TestHub, type TestHubStorage } from '../kit/startTestHub.ts';
import { waitFor } from '../world/waitFor.ts';
import type { AzureInfo, ClusterInfo, S3Info } from '../world/WorldInfo.ts';

// A backup asked of the hub is taken by the real agent of a real cluster and written to a filesystem
// location and to MinIO; deleting it removes its objects and its catalog entry. Locations of every kind are
// checked from inside the cluster through the same agent.
const world = inject('world');
const [clusterA] = world.clusters as [ClusterInfo];
const run = Date.now().toString(36);
const namespace = `shop-${run}`;
const bucket = `e2e-${run}`;

let hub: TestHub & TestHubStorage;
let agent: TestAgent;
let tenantId: string;
let clusterId: string;
const fsPath = mkdtempSync(join(tmpdir(), 'fleetback-location-'));
const kc = new KubeConfig();
kc.loadFromFile(clusterA.kubeconfigPath);
const core = kc.makeApiClient(CoreV1Api);
/** MinIO locations with working keys: the catalog rebuild must find every backup written to them. */
const minioLocationIds = new Set<string>();


async function s3Location(name: string, secretAccessKey: string): Promise<string> {
  const s3 = world.s3 as S3Info;
  const credential = await hub.admin<{ createCredential: { id: string } }>(
    'mutation($t: ID!, $n: String!, $k: String!, $s: String!) { createCredential(input: { tenantId: $t, name: $n, aws: { accessKeyId: $k, secretAccessKey: $s } }) { id } }',
    { t: tenantId, n: `${name}-keys`, k: s3.accessKeyId, s: secretAccessKey },
  );
  const location = await hub.admin<{ createBackupLocation: { id: string } }>(
    'mutation($t: ID!, $n: String!, $b: String!, $e: String!, $r: String!, $c: ID!) { createBackupLocation(input: { tenantId: $t, name: $n, prefix: "fleet", s3: { bucket: $b, endpoint: $e, region: $r, forcePathStyle: true }, credentialId: $c }) { id } }',
    { t: tenantId, n: name, b: bucket, e: s3.endpoint, r: s3.region, c: credential.createCredential.id },
  );
  if (secretAccessKey === s3.secretAccessKey) minioLocationIds.add(location.createBackupLocation.id);
  return location.createBackupLocation.id;
}

async function validated(locationId: string) {
  await hub.admin('mutation($id: ID!, $c: ID!) { validateBackupLocation(id: $id, clusterId: $c) { id } }', {
    id: locationId,
    c: clusterId,
  });
  return waitFor(
    async () => {
      const data = await hub.admin<{ backupLocation: { validation: { ok: boolean; error: string | null } | null } }>(
        'query($id: ID!) { backupLocation(id: $id) { validation { ok error } } }',
        { id: locationId },
      );
      return data.backupLocation.validation ?? undefined;
    },
    { what: 'the location check' },
  );
}

async function backupTo(locationId: string) {
  const created = await hub.admin<{ createBackup: { id: string } }>(
    'mutation($c: ID!, $l: ID!, $ns: [String!]!) { createBackup(input: { clusterId: $c, locationId: $l, includeNamespaces: $ns, labelSelectors: ["app=shop"] }) { id } }',
    { c: clusterId, l: locationId, ns: [namespace] },
  );
  const id = created.createBackup.id;
  const done = await waitFor(
    async () => {
      const data = await hub.admin<{
        backup: { phase: string; progress: { itemsDone: number; bytes: number }; result: { countsByKind: { resource: string; kind: string | null; count: number }[]; errors: string[] } | null };
      }>('query($id: ID!) { backup(id: $id) { phase progress { itemsDone bytes } result { countsByKind { resource kind count } errors } } }', { id });
      return ['Completed', 'PartiallyFailed', 'Failed'].includes(data.backup.phase) ? data.backup : undefined;
    },
    { what: 'the backup to end', abortIf: () => {
      if (agent.process.exitCode !== null) throw new Error(agent.output().slice(-3000));
    } },
  );
  return { id, done };
}

beforeAll(async () => {
  hub = await startTestHub({ database: 'sqlite', world });
  tenantId = (await hub.admin<{ createTenant: { id: string } }>('mutation { createTenant(input: { name: "e2e" }) { id } }'))
    .createTenant.id;
  const registered = await hub.admin<{ registerCluster: { cluster: { id: string }; enrollmentToken: string } }>(
    'mutation($t: ID!) { registerCluster(input: { tenantId: $t, name: "source" }) { cluster { id } enrollmentToken } }',
    { t: tenantId },
  );
  clusterId = registered.registerCluster.cluster.id;
  agent = startTestAgent({
    hubUrl: hub.url,
    kubeconfigPath: clusterA.kubeconfigPath,
    logDir: world.logDir,
    name: 'e2e',
    enrollmentToken: registered.registerCluster.enrollmentToken,
  });
  await core.createNamespace({ body: { metadata: { name: namespace } } });
  for (const [name, labels] of [['settings', { app: 'shop' }], ['flags', { app: 'shop' }], ['unrelated', { app: 'other' }]] as const) {
    await core.createNamespacedConfigMap({ namespace, body: { metadata: { name, labels }, data: { k: name } } });
  }
  await core.createNamespacedSecret({ namespace, body: { metadata: { name: 'db', labels: { app: 'shop' } }, stringData: { password: 'x' } } });
  const s3 = world.s3 as S3Info;
  const client = new S3Client({
    endpoint: s3.endpoint,
    region: s3.region,
    forcePathStyle: true,
    credentials: { accessKeyId: s3.accessKeyId, secretAccessKey: s3.secretAccessKey },
  });
  await client.send(new CreateBucketCommand({ Bucket: bucket }));
});

afterAll(async () => {
  await agent?.kill();
  await core.deleteNamespace({ name: namespace }).catch(() => {});
  await hub?.stop();
});

describe.skipIf(!world.s3)('backups through the agent', () => {
  it('backs up the selected objects to a filesystem location, commits it, and deletes it on request', async () => {
    const location = await hub.admin<{ createBackupLocation: { id: string } }>(
      'mutation($t: ID!, $p: String!) { createBackupLocation(input: { tenantId: $t, name: "disk", filesystem: { path: $p } }) { id } }',
      { t: tenantId, p: fsPath },
    );
    const { id, done } = await backupTo(location.createBackupLocation.id);
    expect(done.phase).toBe('Completed');
    expect(done.result?.errors).toEqual([]);
    const counts = Object.fromEntries(done.result?.countsByKind.map((c) => [c.resource, c.count]) ?? []);
    expect(counts).toMatchObject({ configmaps: 2, secrets: 1 });
    // KindCount held resource names as kinds: each count names its resource type and its kind.
    const kinds = Object.fromEntries(done.result?.countsByKind.map((c) => [c.resource, c.kind]) ?? []);
    expect(kinds).toMatchObject({ configmaps: 'ConfigMap', secrets: 'Secret', namespaces: 'Namespace' });
    expect(done.progress.itemsDone).toBeGreaterThan(0);
    const manifest = JSON.parse(readFileSync(join(fsPath, 'backups', id, 'backup.json'), 'utf8')) as { phase: string; backupId: string };
    expect(manifest).toMatchObject({ phase: 'Completed', backupId: id });

    await hub.admin('mutation($id: ID!) { deleteBackup(id: $id) { phase } }', { id });
    await waitFor(async () => (await hub.gql(hub.adminToken, 'query($id: ID!) { backup(id: $id) { id } }', { id })).errors?.[0]?.extensions?.code === 'NOT_FOUND', {
      what: 'the backup to leave the catalog',
    });
    expect(existsSync(join(fsPath, 'backups', id, 'backup.json'))).toBe(false);
    expect(existsSync(join(fsPath, 'backups', id, 'resources.tar.gz'))).toBe(false);
  });

  it('checks S3 locations from inside the cluster and backs up to MinIO', async () => {
    const s3 = world.s3 as S3Info;
    const good = await s3Location('minio', s3.secretAccessKey);
    const bad = await s3Location('minio-wrong-key', 'not-the-secret');
    expect(await validated(good)).toEqual({ ok: true, error: null });
    const refused = await validated(bad);
    expect(refused.ok).toBe(false);
    expect(refused.error).toMatch(/credential|signature|access key/i);

    const { id, done } = await backupTo(good);
    expect(done.phase).toBe('Completed');
    const client = new S3Client({
      endpoint: s3.endpoint,
      region: s3.region,
      forcePathStyle: true,
      credentials: { accessKeyId: s3.accessKeyId, secretAccessKey: s3.secretAccessKey },
    });
    const listed = await client.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: `fleet/backups/${id}/` }));
    expect(listed.Contents?.map((o) => o.Key).sort()).toEqual(
      ['backup.json', 'index.jsonl', 'log.jsonl', 'resources.tar.gz'].map((f) => `fleet/backups/${id}/${f}`),
    );
  });

  it.skipIf(!world.azure)('checks an Azure Blob location from inside the cluster and backs up to it', async () => {
    const azure = world.azure as AzureInfo;
    const container = `e2e-${run}`;
    await BlobServiceClient.fromConnectionString(azure.connectionString).createContainer(container);
    const credential = await hub.admin<{ createCredential: { id: string } }>(
      'mutation($t: ID!, $a: String!, $k: String!) { createCredential(input: { tenantId: $t, name: "azurite", azure: { accountName: $a, accountKey: $k } }) { id } }',
      { t: tenantId, a: azure.accountName, k: azure.accountKey },
    );
    const location = await hub.admin<{ createBackupLocation: { id: string } }>(
      'mutation($t: ID!, $c: String!, $e: String!, $cr: ID!) { createBackupLocation(input: { tenantId: $t, name: "blob", azure: { container: $c, endpoint: $e }, credentialId: $cr }) { id } }',
      { t: tenantId, c: container, e: azure.blobEndpoint, cr: credential.createCredential.id },
    );
    expect(await validated(location.createBackupLocation.id)).toEqual({ ok: true, error: null });
    const { id, done } = await backupTo(location.createBackupLocation.id);
    expect(done.phase).toBe('Completed');
    const names: string[] = [];
    for await (const blob of BlobServiceClient.fromConnectionString(azure.connectionString)
      .getContainerClient(container)
      .listBlobsFlat({ prefix: `backups/${id}/` })) {
      names.push(blob.name);
    }
    expect(names.sort()).toEqual(['backup.json', 'index.jsonl', 'log.jsonl', 'resources.tar.gz'].map((f) => `backups/${id}/${f}`));
  });

  it('restores the MinIO backup into a new namespace through the agent, labelled with the backup and restore', async () => {
    const s3 = world.s3 as S3Info;
    const location = await s3Location('minio-restore', s3.secretAccessKey);
    const { id: backupId, done } = await backupTo(location);
    expect(done.phase).toBe('Completed');
    const target = `${namespace}-copy`;
    const created = await hub.admin<{ createRestore: { id: string } }>(
      'mutation($b: ID!, $c: ID!, $from: String!, $to: String!) { createRestore(input: { backupId: $b, targetClusterId: $c, namespaceMapping: [{ from: $from, to: $to }] }) { id } }',
      { b: backupId, c: clusterId, from: namespace, to: target },
    );
    const restoreId = created.createRestore.id;
    const restored = await waitFor(
      async () => {
        const data = await hub.admin<{ restore: { phase: string; result: { errors: string[]; warnings: string[] } | null } }>(
          'query($id: ID!) { restore(id: $id) { phase result { errors warnings } } }',
          { id: restoreId },
        );
        return ['Completed', 'PartiallyFailed', 'Failed'].includes(data.restore.phase) ? data.restore : undefined;
      },
      { what: 'the restore to end' },
    );
    expect(restored.phase).toBe('Completed');
    // Every restored object has its row in the hub's record of the restore, created, with its uid.
    const recorded = await hub.admin<{
      restore: {
        result: { countsByKind: { resource: string; kind: string | null; count: number }[] };
        itemCounts: Record<string, number>;
        items: { totalCount: number; edges: { node: { type: string; namespace: string | null; name: string; result: string; uid: string | null } }[] };
      };
    }>(
      'query($id: ID!) { restore(id: $id) { result { countsByKind { resource kind count } } itemCounts { created updated skipped failed } items(first: 500) { totalCount edges { node { type namespace name result uid } } } } }',
      { id: restoreId },
    );
    const items = recorded.restore.items.edges.map((e) => e.node);
    const restoredCount = recorded.restore.result.countsByKind.reduce((sum, c) => sum + c.count, 0);
    expect(recorded.restore.items.totalCount).toBe(restoredCount);
    expect(recorded.restore.itemCounts).toEqual({ created: restoredCount, updated: 0, skipped: 0, failed: 0 });
    expect(items.map((i) => `${i.type} ${i.namespace ?? ''}/${i.name}`).sort()).toEqual(
      [`configmaps ${target}/flags`, `configmaps ${target}/settings`, `namespaces /${target}`, `secrets ${target}/db`].sort(),
    );
    expect(items.every((i) => i.result === 'created' && i.uid)).toBe(true);
    const copy = await core.readNamespacedConfigMap({ namespace: target, name: 'settings' });
    expect(copy.data).toEqual({ k: 'settings' });
    expect(copy.metadata?.labels).toMatchObject({ app: 'shop', 'fleetback.io/backup': expect.any(String), 'fleetback.io/restore': expect.any(String) });
    await expect(core.readNamespacedConfigMap({ namespace: target, name: 'unrelated' })).rejects.toThrow();
    await core.deleteNamespace({ name: target });
  });

  it('rebuilds the catalog of a fresh hub from the location: every committed backup reappears with its id', async () => {
    const s3 = world.s3 as S3Info;
    const before = await hub.admin<{ backups: { edges: { node: { id: string; name: string; phase: string; locationId: string } }[] } }>(
      'query($c: ID!) { backups(first: 50, filter: { clusterId: $c }) { edges { node { id name phase locationId } } } }',
      { c: clusterId },
    );
    const inMinio = before.backups.edges
      .map((e) => e.node)
      .filter((b) => b.phase === 'Completed' && minioLocationIds.has(b.locationId));
    expect(inMinio.length).toBeGreaterThanOrEqual(2);

    // The database is lost: a new hub, a new tenant, the cluster registered and its agent enrolled again.
    await agent.kill();
    await hub.stop();
    hub = await startTestHub({ database: 'sqlite', world });
    tenantId = (await hub.admin<{ createTenant: { id: string } }>('mutation { createTenant(input: { name: "e2e" }) { id } }'))
      .createTenant.id;
    const registered = await hub.admin<{ registerCluster: { cluster: { id: string }; enrollmentToken: string } }>(
      'mutation($t: ID!) { registerCluster(input: { tenantId: $t, name: "source" }) { cluster { id } enrollmentToken } }',
      { t: tenantId },
    );
    clusterId = registered.registerCluster.cluster.id;
    agent = startTestAgent({
      hubUrl: hub.url,
      kubeconfigPath: clusterA.kubeconfigPath,
      logDir: world.logDir,
      name: 'e2e-rebuilt',
      enrollmentToken: registered.registerCluster.enrollmentToken,
    });
    const location = await s3Location('minio', s3.secretAccessKey);
    const queued = await hub.admin<{ rebuildCatalog: { id: string } }>(
      'mutation($l: ID!, $c: ID!) { rebuildCatalog(locationId: $l, clusterId: $c) { id } }',
      { l: location, c: clusterId },
    );
    const job = await waitFor(
      async () => {
        const data = await hub.admin<{ job: { phase: string; error: string | null; progress: { message: string } | null } }>(
          'query($id: ID!) { job(id: $id) { phase error progress { message } } }',
          { id: queued.rebuildCatalog.id },
        );
        return ['Succeeded', 'Failed'].includes(data.job.phase) ? data.job : undefined;
      },
      { what: 'the catalog rebuild' },
    );
    expect(job).toMatchObject({ phase: 'Succeeded', error: null });
    expect(job.progress?.message).toMatch(/^imported \d+ backup\(s\); 0 already in the catalog/);
    for (const original of inMinio) {
      const found = await hub.admin<{ backup: { id: string; name: string; phase: string } }>(
        'query($id: ID!) { backup(id: $id) { id name phase } }',
        { id: original.id },
      );
      expect(found.backup).toMatchObject({ id: original.id, name: original.name, phase: 'Completed' });
    }
    // They belong to the re-registered cluster that rebuilt them, not to the old cluster id their backup.json names.
    const listed = await hub.admin<{ backups: { edges: { node: { id: string; clusterId: string } }[] } }>(
      'query($c: ID!) { backups(first: 50, filter: { clusterId: $c }) { edges { node { id clusterId } } } }',
      { c: clusterId },
    );
    expect(listed.backups.edges.map((e) => e.node.id)).toEqual(expect.arrayContaining(inMinio.map((b) => b.id)));
  });
});
