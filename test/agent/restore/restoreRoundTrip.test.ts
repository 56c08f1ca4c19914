import { createHash } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { gunzipSync, gzipSync } from 'node:zlib';
import { KubeConfig } from '@kubernetes/client-node';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { JobProgressReport, LocationTarget } from '#schema/agent/JobPayload';
import { parseBackupSpec } from '#schema/contracts/BackupSpec';
import { parseRestoreSpec } from '#schema/contracts/RestoreSpec';
import { backupKeys } from '../../../agent/src/backup/backupKeys.ts';
import type { IndexEntry } from '../../../agent/src/backup/IndexEntry.ts';
import { runBackup } from '../../../agent/src/backup/runBackup.ts';
import { tarEntry, tarTrailer } from '../../../agent/src/backup/tarEntry.ts';
import { JobFailure } from '../../../agent/src/jobs/JobFailure.ts';
import { kubeStatusOf } from '../../../agent/src/kube/KubeJsonClient.ts';
import type { KubeObject } from '../../../agent/src/restore/KubeObject.ts';
import { apiPathOf } from '../../../agent/src/restore/apiPathOf.ts';
import { KubeWriter } from '../../../agent/src/kube/KubeWriter.ts';
import { ItemSpool } from '../../../agent/src/restore/ItemSpool.ts';
import { loadPlannedObject } from '../../../agent/src/restore/loadPlannedObject.ts';
import { planRestore } from '../../../agent/src/restore/planRestore.ts';
import { readBackupIndex } from '../../../agent/src/restore/readBackupIndex.ts';
import { readTar } from '../../../agent/src/restore/readTar.ts';
import { type RestorePayload, runRestore } from '../../../agent/src/restore/runRestore.ts';
import { spoolArchive } from '../../../agent/src/restore/spoolArchive.ts';
import type { ObjectStore } from '../../../agent/src/storage/ObjectStore.ts';
import { openObjectStore } from '../../../agent/src/storage/openObjectStore.ts';
import type { ClusterInfo } from '../../world/WorldInfo.ts';
import { waitFor } from '../../world/waitFor.ts';
import { recordingContext } from '../backup/recordingContext.ts';

// A backup of a small application from cluster a, restored into a new namespace of cluster b: every object
// comes back as archived, except for the documented fix-ups; a damaged archive restores nothing.
const world = inject('world');
const a = world.clusters.find((c) => c.name === 'a');
const b = world.clusters.find((c) => c.name === 'b');
const run = Date.now().toString(36);
const app = { app: 'rt' };
const crdsPath = '/apis/apiextensions.k8s.io/v1/customresourcedefinitions';
const crdGroup = 'restore.world.fleetback.io';
const crdPlural = `widgets${run}`;
const crdName = `${crdPlural}.${crdGroup}`;

function writerFor(info: ClusterInfo): KubeWriter {
  const config = new KubeConfig();
  config.loadFromFile(info.kubeconfigPath);
  return KubeWriter.of(config);
}

/** The object without what a server sets, as format v1 archives it. */
function cleaned(object: KubeObject): KubeObject {
  const copy = structuredClone(object);
  for (const field of ['uid', 'resourceVersion', 'generation', 'creationTimestamp', 'managedFields', 'selfLink']) {
    delete copy.metadata[field];
  }
  delete copy.status;
  // Written by the controller-manager of whichever cluster the Deployment lives in.
  delete copy.metadata.annotations?.['deployment.kubernetes.io/revision'];
  if (copy.metadata.annotations && Object.keys(copy.metadata.annotations).length === 0) delete copy.metadata.annotations;
  return copy;
}

/** Every item of a backup with its object, read the way a restore reads it (verified, through a spool). */
async function archivedItems(store: ObjectStore, backupId: string, workDirectory: string) {
  const index = await readBackupIndex(store, backupId);
  const plan = planRestore(index.entries, parseRestoreSpec({ version: 1, backupId, targetClusterId: 'b' }));
  const spool = await ItemSpool.create(workDirectory);
  try {
    await spoolArchive(store, index, plan, { spool });
    return await Promise.all(plan.map(async (item) => ({ entry: item.entry, object: await loadPlannedObject(spool, item) })));
  } finally {
    await spool.remove();
  }
}

/** The spool directories in `workDirectory` and how many files each holds, now. */
function spoolsIn(workDirectory: string): number[] {
  return readdirSync(workDirectory).map((name) => {
    expect(name).toMatch(/^fleetback-restore-/);
    return readdirSync(join(workDirectory, name)).length;
  });
}

describe.skipIf(!a || !b)('restore round trip from cluster a to cluster b', () => {
  const source = `rt-src-${run}`;
  const target = `rt-dst-${run}`;
  const backupId = `b-rt-${run}`;
  let kubeA: KubeWriter;
  let kubeB: KubeWriter;
  let work: string;
  let location: LocationTarget;
  let store: ObjectStore;
  let restores = 0;

  const restorePayload = (spec: Record<string, unknown>, id = backupId): RestorePayload => ({
    kind: 'restore',
    restore: {
      id: `r-${run}-${++restores}`,
      spec: parseRestoreSpec({ version: 1, backupId: id, targetClusterId: 'b', ...spec }),
    },
    backup: { id, name: 'rt' },
    location,
  });

  const restoreWith = (spec: Record<string, unknown>, id = backupId, workDirectory?: string) =>
    runRestore(restorePayload(spec, id), { kube: kubeB, store, workDirectory }, recordingContext().ctx);
  /** A fresh, empty directory for a restore's spool, inside `work`. */
  const newWorkDirectory = () => mkdtemp(join(work, 'spool-'));
  const backupSpecOf = (namespace: string) =>
    parseBackupSpec({ version: 1, clusterId: 'a', locationId: 'loc', includeNamespaces: [namespace], labelSelectors: ['app=rt'] });

  beforeAll(async () => {
    kubeA = writerFor(a as ClusterInfo);
    kubeB = writerFor(b as ClusterInfo);
    const create = (path: string, body: object) => kubeA.send('POST', path, body);
    await create('/api/v1/namespaces', { apiVersion: 'v1', kind: 'Namespace', metadata: { name: source, labels: app } });
    const ns = `/api/v1/namespaces/${source}`;
    await create(`${ns}/configmaps`, {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'settings', labels: app, annotations: { note: 'kept' } },
      data: { 'mode.txt': 'fast' },
      binaryData: { 'blob.bin': Buffer.from([0, 1, 2, 255, 254]).toString('base64') },
    });
    await create(`${ns}/configmaps`, { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'empty', labels: app } });
    await create(`${ns}/secrets`, {
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: { name: 'token', labels: app },
      type: 'Opaque',
      data: { password: Buffer.from('s3cret').toString('base64') },
    });
    await create(`${ns}/serviceaccounts`, { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'rt', labels: app } });
    await create(`${ns}/secrets`, {
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: { name: 'rt-token', labels: app, annotations: { 'kubernetes.io/service-account.name': 'rt' } },
      type: 'kubernetes.io/service-account-token',
    });
    await create(`/apis/rbac.authorization.k8s.io/v1/namespaces/${source}/roles`, {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'Role',
      metadata: { name: 'reader', labels: app },
      rules: [{ apiGroups: [''], resources: ['configmaps'], verbs: ['get', 'list'] }],
    });
    await create(`/apis/rbac.authorization.k8s.io/v1/namespaces/${source}/rolebindings`, {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'RoleBinding',
      metadata: { name: 'reader', labels: app },
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: 'reader' },
      subjects: [{ kind: 'ServiceAccount', name: 'rt', namespace: source }],
    });
    await create(`${ns}/services`, {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'web', labels: app },
      spec: { type: 'ClusterIP', selector: app, ports: [{ name: 'http', port: 80, targetPort: 8080 }] },
    });
    await create(`/apis/apps/v1/namespaces/${source}/deployments`, {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'web', labels: app },
      spec: {
        replicas: 1,
        selector: { matchLabels: app },
        template: {
          metadata: { labels: app },
          spec: { serviceAccountName: 'rt', containers: [{ name: 'web', image: 'example.com/web:1' }] },
        },
      },
    });

    work = await mkdtemp(join(tmpdir(), 'restore-'));
    location = { kind: 'filesystem', path: work, prefix: `loc-${run}` };
    store = openObjectStore(location);
    const backup = { id: backupId, name: 'rt', spec: backupSpecOf(source) };
    const outcome = await runBackup({ kind: 'backup', backup, location }, { kube: kubeA, store }, recordingContext().ctx);
    expect(outcome.errors).toEqual([]);
  });

  afterAll(async () => {
    const ignore = () => undefined;
    await kubeA?.send('DELETE', `/api/v1/namespaces/${source}`).catch(ignore);
    await kubeA?.send('DELETE', `/api/v1/namespaces/${source}-crd`).catch(ignore);
    for (const kube of [kubeA, kubeB]) await kube?.send('DELETE', `${crdsPath}/${crdName}`).catch(ignore);
    const namespaces = [target, `${target}-dry`, `${target}-bad`, `${target}-late`, `${target}-spool`, `${target}-partial`, `${target}-crd`];
    for (const name of namespaces) {
      await kubeB?.send('DELETE', `/api/v1/namespaces/${name}`).catch(ignore);
    }
    if (work) await rm(work, { recursive: true, force: true });
  });

  it('restores every object into a new namespace, as archived but for the documented fix-ups', async () => {
    const { ctx, reports } = recordingContext();
    const payload = restorePayload({ namespaceMapping: { [source]: target } });
    const outcome = await runRestore(payload, { kube: kubeB, store }, ctx);
    expect(outcome.errors).toEqual([]);
    expect(outcome.phase).toBe('Completed');
    expect(outcome.warnings).toContain(
      `skipped secrets ${target}/rt-token: a ServiceAccount token is issued by the target cluster, not restored`,
    );
    // Objects a's controllers derived (the Deployment's ReplicaSet and Pods, the Service's Endpoints and
    // EndpointSlices) are left to b's controllers; nothing else is skipped.
    const derived = new Set(['endpoints', 'replicasets.apps', 'pods', 'endpointslices.discovery.k8s.io']);
    const skipped = outcome.warnings.filter((w) => !w.startsWith(`skipped secrets ${target}/rt-token:`));
    for (const warning of skipped) {
      expect(derived.has(warning.split(' ')[1] ?? ''), warning).toBe(true);
      expect(warning).toMatch(/: (its controller .* is restored and recreates it|Service web is restored and the target)/);
    }
    expect(outcome.countsByKind).toMatchObject({
      configmaps: 2,
      secrets: 1,
      serviceaccounts: 1,
      services: 1,
      'deployments.apps': 1,
      'roles.rbac.authorization.k8s.io': 1,
      'rolebindings.rbac.authorization.k8s.io': 1,
      namespaces: 1,
    });
    expect(reports.at(-1)).toMatchObject({ done: reports.at(-1)?.total });

    const items = await archivedItems(store, backupId, await newWorkDirectory());
    const restoredLabels = { 'fleetback.io/backup': backupId, 'fleetback.io/restore': payload.restore.id };
    let compared = 0;
    for (const { entry, object } of items) {
      if (entry.kind === 'Secret' && object.type === 'kubernetes.io/service-account-token') continue;
      if (derived.has(entry.group === '' ? entry.resource : `${entry.resource}.${entry.group}`)) continue;
      const expected = cleaned(object);
      // The endpoints controllers copy a Service's labels onto what they make, so a Service is marked by annotations.
      if (entry.kind === 'Service') expected.metadata.annotations = { ...expected.metadata.annotations, ...restoredLabels };
      else expected.metadata.labels = { ...expected.metadata.labels, ...restoredLabels };
      if (entry.kind === 'Namespace') {
        expected.metadata.name = target;
        // The server labels every namespace with its own name.
        expected.metadata.labels = { ...expected.metadata.labels, 'kubernetes.io/metadata.name': target };
      } else {
        expected.metadata.namespace = target;
      }
      const spec = expected.spec as Record<string, unknown> | undefined;
      if (entry.kind === 'Service' && spec) {
        delete spec.clusterIP;
        delete spec.clusterIPs;
      }
      if (entry.kind === 'RoleBinding') (expected.subjects as { namespace: string }[])[0]!.namespace = target;
      const path =
        entry.kind === 'Namespace' ? `/api/v1/namespaces/${target}` : apiPathOf(entry, target, entry.name);
      const restored = cleaned(await kubeB.get<KubeObject>(path));
      const restoredSpec = restored.spec as Record<string, unknown> | undefined;
      if (entry.kind === 'Service' && restoredSpec) {
        expect(restoredSpec.clusterIP).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
        delete restoredSpec.clusterIP;
        delete restoredSpec.clusterIPs;
      }
      if (entry.kind === 'Namespace') delete restored.spec;
      if (entry.kind === 'Namespace') delete expected.spec;
      expect(restored, `${entry.kind} ${entry.name}`).toEqual(expected);
      compared++;
    }
    expect(compared).toBe(9);
    const binary = (await kubeB.get<{ binaryData: Record<string, string> }>(`/api/v1/namespaces/${target}/configmaps/settings`))
      .binaryData['blob.bin'];
    expect(Buffer.from(binary ?? '', 'base64')).toEqual(Buffer.from([0, 1, 2, 255, 254]));
  });

  it('skips every existing object when run again with policy skip', async () => {
    const outcome = await restoreWith({ namespaceMapping: { [source]: target }, existingResourcePolicy: 'skip' });
    expect(outcome).toMatchObject({ phase: 'Completed', countsByKind: {}, errors: [] });
    expect(outcome.warnings.length).toBeGreaterThanOrEqual(9);
    const reasons = /^skipped .*: (it exists in the target|a ServiceAccount token|its controller|Service web)/;
    for (const warning of outcome.warnings) expect(warning).toMatch(reasons);
  });

  it('updates existing objects in place with policy update', async () => {
    const outcome = await restoreWith({ namespaceMapping: { [source]: target }, existingResourcePolicy: 'update' });
    expect(outcome.errors).toEqual([]);
    expect(outcome.countsByKind).toMatchObject({ configmaps: 2, services: 1, 'deployments.apps': 1 });
  });

  it('replaces existing objects with policy replace: deleted and created anew', async () => {
    const path = `/api/v1/namespaces/${target}/configmaps/settings`;
    const before = await kubeB.get<KubeObject>(path);
    const outcome = await restoreWith({ namespaceMapping: { [source]: target }, existingResourcePolicy: 'replace', includeResources: ['configmaps'] });
    expect(outcome).toMatchObject({ phase: 'Completed', countsByKind: { configmaps: 2 }, errors: [] });
    const after = await kubeB.get<KubeObject>(path);
    expect(after.metadata.uid).not.toBe(before.metadata.uid);
  });

  it('ends PartiallyFailed, listing the item that failed, and restores the rest; skips an immutable ConfigMap with the reason', async () => {
    const partial = `${target}-partial`;
    await kubeB.send('POST', '/api/v1/namespaces', { apiVersion: 'v1', kind: 'Namespace', metadata: { name: partial } });
    // An immutable ConfigMap in the way: policy update cannot change its data, so the restore leaves it, saying why.
    await kubeB.send('POST', `/api/v1/namespaces/${partial}/configmaps`, {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'settings' },
      data: { 'mode.txt': 'slow' },
      immutable: true,
    });
    // No room for another ConfigMap: creating `empty` fails, and the server says why.
    await kubeB.send('POST', `/api/v1/namespaces/${partial}/resourcequotas`, {
      apiVersion: 'v1', kind: 'ResourceQuota', metadata: { name: 'no-more-configmaps' }, spec: { hard: { configmaps: '0' } },
    });
    const outcome = await restoreWith({
      namespaceMapping: { [source]: partial }, existingResourcePolicy: 'update', includeResources: ['configmaps', 'secrets'],
    });
    expect(outcome.phase).toBe('PartiallyFailed');
    expect(outcome.countsByKind).toEqual({ secrets: 1 });
    expect(outcome.errors).toHaveLength(1);
    expect(outcome.errors[0]).toMatch(new RegExp(`^could not restore configmaps ${partial}/empty: HTTP 403: .*quota`));
    expect(outcome.warnings).toContainEqual(expect.stringMatching(
      new RegExp(`^skipped configmaps ${partial}/settings: it is immutable in the target \\(immutable: true\\) and its data.* from the backup's; the target's object is kept$`),
    ));
    const kept = await kubeB.get<KubeObject>(`/api/v1/namespaces/${partial}/configmaps/settings`);
    expect(kept.data).toEqual({ 'mode.txt': 'slow' });
  });

  it('restores a CRD with its custom objects, waiting for it to be Established, and re-points references to them', async () => {
    const ns = `${source}-crd`;
    await kubeA.send('POST', crdsPath, {
      apiVersion: 'apiextensions.k8s.io/v1',
      kind: 'CustomResourceDefinition',
      metadata: { name: crdName },
      spec: {
        group: crdGroup,
        scope: 'Namespaced',
        names: { plural: crdPlural, singular: `widget${run}`, kind: `Widget${run}`, listKind: `Widget${run}List` },
        versions: [{
          name: 'v1',
          served: true,
          storage: true,
          schema: {
            openAPIV3Schema: {
              type: 'object',
              properties: { spec: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true } },
            },
          },
        }],
      },
    });
    await kubeA.send('POST', '/api/v1/namespaces', { apiVersion: 'v1', kind: 'Namespace', metadata: { name: ns } });
    const objects = `/apis/${crdGroup}/v1/namespaces/${ns}/${crdPlural}`;
    await waitFor(() => kubeA.get(objects).then(() => true), { what: 'the CRD to serve in a' });
    const widget = await kubeA.send<KubeObject>('POST', objects, {
      apiVersion: `${crdGroup}/v1`,
      kind: `Widget${run}`,
      metadata: { name: 'w1', labels: app },
      spec: { size: 3, nested: { keep: ['all', 'of', 'it'] } },
    });
    // Owned by the widget, which the restore order puts last: the reference is added once the widget exists.
    const owner = { apiVersion: `${crdGroup}/v1`, kind: `Widget${run}`, name: 'w1' };
    await kubeA.send('POST', `/api/v1/namespaces/${ns}/configmaps`, {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'w1-settings', labels: app, ownerReferences: [{ ...owner, uid: widget.metadata.uid }] },
      data: { size: '3' },
    });
    const id = `${backupId}-crd`;
    const backup = { id, name: 'crd', spec: backupSpecOf(ns) };
    await runBackup({ kind: 'backup', backup, location }, { kube: kubeA, store }, recordingContext().ctx);

    const into = `${target}-crd`;
    const outcome = await restoreWith({ namespaceMapping: { [ns]: into } }, id);
    expect(outcome.errors).toEqual([]);
    expect(outcome.countsByKind).toMatchObject({
      'customresourcedefinitions.apiextensions.k8s.io': 1,
      [`${crdPlural}.${crdGroup}`]: 1,
    });
    const restored = await kubeB.get<KubeObject>(`/apis/${crdGroup}/v1/namespaces/${into}/${crdPlural}/w1`);
    expect(restored.spec).toEqual({ size: 3, nested: { keep: ['all', 'of', 'it'] } });
    const settings = await kubeB.get<KubeObject>(`/api/v1/namespaces/${into}/configmaps/w1-settings`);
    expect(settings.metadata.ownerReferences).toEqual([{ ...owner, uid: restored.metadata.uid }]);
  });

  it('returns what a real run would do in a dry run, and creates nothing', async () => {
    const dry = `${target}-dry`;
    const workDirectory = await newWorkDirectory();
    const spools: number[][] = [];
    const { ctx, reports } = recordingContext(() => {
      spools.push(spoolsIn(workDirectory));
      return false;
    });
    const payload = restorePayload({ namespaceMapping: { [source]: dry }, dryRun: true });
    const outcome = await runRestore(payload, { kube: kubeB, store, workDirectory }, ctx);
    expect(outcome).toMatchObject({ phase: 'Completed', errors: [] });
    // The ServiceAccount token and what a's controllers derived are skipped, as a real run skips them.
    expect(outcome.countsByKind).toMatchObject({ configmaps: 2, secrets: 1, 'deployments.apps': 1, namespaces: 1 });
    expect(outcome.warnings).toContain(`skipped secrets ${dry}/rt-token: a ServiceAccount token is issued by the target cluster, not restored`);
    const status = await kubeB.get(`/api/v1/namespaces/${dry}`).then(() => 200, kubeStatusOf);
    expect(status).toBe(404);
    // A dry run verifies the whole archive, as the restore would, and leaves no spool behind.
    expect(reports.some((r) => /^verifying backup rt: \d+ of \d+ bytes read$/.test(r.message ?? ''))).toBe(true);
    expect(reports.at(-1)?.message).toMatch(/^dry run: would be /);
    expect(spools.length).toBeGreaterThan(0);
    expect(await readdir(workDirectory)).toEqual([]);
  });

  it('verifies the whole archive before applying, from a spool directory that is gone when the restore ends', async () => {
    const into = `${target}-spool`;
    const workDirectory = await newWorkDirectory();
    const seen: { report: JobProgressReport; spools: number[] }[] = [];
    const { ctx } = recordingContext((report) => {
      seen.push({ report, spools: spoolsIn(workDirectory) });
      return false;
    });
    const payload = restorePayload({ namespaceMapping: { [source]: into }, includeResources: ['configmaps', 'secrets'] });
    const outcome = await runRestore(payload, { kube: kubeB, store, workDirectory }, ctx);
    expect(outcome.errors).toEqual([]);
    expect(outcome.countsByKind).toMatchObject({ configmaps: 2, secrets: 1 });
    expect(await readdir(workDirectory)).toEqual([]);

    // Progress while verifying: bytes read of the archive's size, up to all of it.
    const { manifest } = await readBackupIndex(store, backupId);
    const verifying = seen.filter((s) => s.report.message?.startsWith('verifying backup rt: '));
    expect(verifying.at(-1)?.report.message).toBe(`verifying backup rt: ${manifest.archive.size} of ${manifest.archive.size} bytes read`);
    expect(verifying.at(-1)?.report.bytes).toBe(manifest.archive.size);
    // Every planned item (two ConfigMaps, two Secrets) is in the one spool directory while items are applied.
    const applying = seen.slice(seen.findIndex((s) => s.report.message === 'restoring 4 items'));
    expect(applying.length).toBeGreaterThan(4);
    for (const { spools } of applying) expect(spools).toEqual([4]);
  });

  it('fails an item damaged late in the archive before applying anything, naming it, and leaves no spool', async () => {
    // A copy of the backup whose last item has one byte changed, with digests that agree with the archive, so
    // only the item's own check can find it, after every other item was verified and spooled.
    const id = `${backupId}-late`;
    const [from, to] = [backupKeys(backupId), backupKeys(id)];
    const read = async (key: string) => Buffer.concat(await Array.fromAsync(await store.get(key)));
    const index = await readBackupIndex(store, backupId);
    const last = index.entries.at(-1) as IndexEntry;
    const chunks: Buffer[] = [];
    for await (const file of readTar(Readable.from([gunzipSync(await read(from.archive))]))) {
      const content = Buffer.from(file.content);
      if (file.path === last.path) content[content.length >> 1] = (content[content.length >> 1] ?? 0) ^ 0x01;
      chunks.push(...tarEntry(file.path, content, new Date(0)));
    }
    const archive = gzipSync(Buffer.concat([...chunks, tarTrailer]));
    await store.put(to.archive, archive);
    await store.put(to.index, await read(from.index));
    await store.put(to.log, await read(from.log));
    const sha256 = createHash('sha256').update(archive).digest('hex');
    const manifest = { ...index.manifest, backupId: id, archive: { key: 'resources.tar.gz', size: archive.length, sha256 } };
    await store.put(to.manifest, Buffer.from(JSON.stringify(manifest, null, 2)));

    const late = `${target}-late`;
    const workDirectory = await newWorkDirectory();
    const attempt = restoreWith({ namespaceMapping: { [source]: late } }, id, workDirectory);
    await expect(attempt).rejects.toThrow(JobFailure);
    await expect(attempt).rejects.toThrow(`item '${last.path}' in ${to.archive} is damaged: its SHA-256 differs from its index entry`);
    const status = await kubeB.get(`/api/v1/namespaces/${late}`).then(() => 200, kubeStatusOf);
    expect(status).toBe(404);
    expect(await readdir(workDirectory)).toEqual([]);
  });

  it('fails a backup that is not committed without touching the cluster', async () => {
    const missing = runRestore(restorePayload({}, `never-${run}`), { kube: kubeB, store }, recordingContext().ctx);
    await expect(missing).rejects.toThrow(JobFailure);
    await expect(missing).rejects.toThrow(/not a committed backup/);
  });

  it('fails a corrupted archive before applying anything, naming it', async () => {
    const file = join(work, location.prefix, 'backups', backupId, 'resources.tar.gz');
    const bytes = await readFile(file);
    for (let i = 100; i < 110; i++) bytes[i] = (bytes[i] ?? 0) ^ 0xff;
    await writeFile(file, bytes);
    const bad = `${target}-bad`;
    const workDirectory = await newWorkDirectory();
    const attempt = restoreWith({ namespaceMapping: { [source]: bad } }, backupId, workDirectory);
    await expect(attempt).rejects.toThrow(JobFailure);
    await expect(attempt).rejects.toThrow(/resources\.tar\.gz/);
    const status = await kubeB.get(`/api/v1/namespaces/${bad}`).then(() => 200, kubeStatusOf);
    expect(status).toBe(404);
    expect(await readdir(workDirectory)).toEqual([]);
  });
});
