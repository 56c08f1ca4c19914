import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { KubeConfig } from '@kubernetes/client-node';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { LocationTarget } from '#schema/agent/JobPayload';
import type { RestoreItem } from '#schema/agent/RestoreItemReport';
import { parseBackupSpec } from '#schema/contracts/BackupSpec';
import { parseRestoreSpec } from '#schema/contracts/RestoreSpec';
import { runBackup } from '../../../agent/src/backup/runBackup.ts';
import { JobFailure } from '../../../agent/src/jobs/JobFailure.ts';
import { isNotFound } from '../../../agent/src/kube/KubeJsonClient.ts';
import { KubeWriter } from '../../../agent/src/kube/KubeWriter.ts';
import { keptReason } from '../../../agent/src/restore/applyItem.ts';
import { boundVolumeReason, clusterScopedReason } from '../../../agent/src/restore/existing/decideItem.ts';
import type { KubeObject } from '../../../agent/src/restore/KubeObject.ts';
import { type RestorePayload, runRestore } from '../../../agent/src/restore/runRestore.ts';
import type { ObjectStore } from '../../../agent/src/storage/ObjectStore.ts';
import { openObjectStore } from '../../../agent/src/storage/openObjectStore.ts';
import type { ClusterInfo } from '../../world/WorldInfo.ts';
import { waitFor } from '../../world/waitFor.ts';
import { recordingContext } from '../backup/recordingContext.ts';

// An application with a CRD and a custom object, a static PV bound to its claim, a Job and a ConfigMap, backed
// up from cluster a and restored into cluster b; then restored again over what it restored, as users do with
// `replace` and `update`: a restore never deletes what others' data depends on (the CRD, the bound volume),
// handles immutable fields with a reason, never marks an object it did not create as its own, says in a dry
// run exactly what the real run then does, and redone after an interruption records what it created before.
const world = inject('world');
const a = world.clusters.find((c) => c.name === 'a');
const b = world.clusters.find((c) => c.name === 'b');
const run = Date.now().toString(36);
const app = { app: `ex-${run}` };
const group = 'existing.world.fleetback.io';
const plural = `gadgets${run}`;
const crdName = `${plural}.${group}`;
const crdsPath = '/apis/apiextensions.k8s.io/v1/customresourcedefinitions';
const pvName = `ex-${run}-data`;
const source = `ex-src-${run}`;
const target = `ex-dst-${run}`;
const bystanders = `ex-other-${run}`;
const redo = `ex-redo-${run}`;
const backupId = `b-ex-${run}`;
const gadgetsIn = (namespace: string) => `/apis/${group}/v1/namespaces/${namespace}/${plural}`;

function writerFor(info: ClusterInfo): KubeWriter {
  const config = new KubeConfig();
  config.loadFromFile(info.kubeconfigPath);
  return KubeWriter.of(config);
}

/** What an item says, without the uid a dry run cannot know. */
const decision = ({ type, namespace, name, result, ...rest }: RestoreItem) =>
  ({ type, namespace, name, result, why: 'reason' in rest ? rest.reason : 'error' in rest ? rest.error : undefined });

describe.skipIf(!a || !b)('a restore over objects that exist in the target', () => {
  const kubeA = a ? writerFor(a) : (undefined as never);
  const kubeB = b ? writerFor(b) : (undefined as never);
  let work: string;
  let location: LocationTarget;
  let store: ObjectStore;

  const payloadOf = (restoreId: string, spec: Record<string, unknown>): RestorePayload => ({
    kind: 'restore',
    restore: { id: restoreId, spec: parseRestoreSpec({ version: 1, backupId, targetClusterId: 'b', ...spec }) },
    backup: { id: backupId, name: 'ex' },
    location,
  });
  /** Runs restore `restoreId` into cluster b; its outcome, every item it recorded, and its progress reports. */
  const restore = async (restoreId: string, spec: Record<string, unknown>, abortWhen?: (done: number) => boolean) => {
    const { ctx, reports } = recordingContext(abortWhen && ((report) => report.message?.startsWith('verifying') !== true && abortWhen(report.done)));
    const items: RestoreItem[] = [];
    const outcome = await runRestore(payloadOf(restoreId, spec), { kube: kubeB, store }, { ...ctx, restoreItem: (i) => items.push(i) });
    return { outcome, items, reports };
  };
  const itemOf = (items: RestoreItem[], type: string, name: string) => {
    const found = items.find((i) => i.type === type && i.name === name);
    if (!found) throw new Error(`no item ${type} ${name} among ${items.map((i) => `${i.type} ${i.name}`).join(', ')}`);
    return found;
  };
  const claimOf = (namespace: string) =>
    kubeB.get<KubeObject & { status?: { phase?: string } }>(`/api/v1/namespaces/${namespace}/persistentvolumeclaims/data`);

  beforeAll(async () => {
    await kubeA.send('POST', crdsPath, {
      apiVersion: 'apiextensions.k8s.io/v1',
      kind: 'CustomResourceDefinition',
      metadata: { name: crdName },
      spec: {
        group,
        scope: 'Namespaced',
        names: { plural, singular: `gadget${run}`, kind: `Gadget${run}`, listKind: `Gadget${run}List` },
        versions: [{
          name: 'v1',
          served: true,
          storage: true,
          schema: { openAPIV3Schema: { type: 'object', properties: { spec: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true } } } },
        }],
      },
    });
    await kubeA.send('POST', '/api/v1/namespaces', { apiVersion: 'v1', kind: 'Namespace', metadata: { name: source, labels: app } });
    await waitFor(() => kubeA.get(gadgetsIn(source)).then(() => true), { what: 'the CRD to serve in a' });
    await kubeA.send('POST', gadgetsIn(source), {
      apiVersion: `${group}/v1`, kind: `Gadget${run}`, metadata: { name: 'g1', labels: app }, spec: { size: 3 },
    });
    await kubeA.send('POST', '/api/v1/persistentvolumes', {
      apiVersion: 'v1',
      kind: 'PersistentVolume',
      metadata: { name: pvName, labels: app },
      spec: {
        capacity: { storage: '1Gi' },
        accessModes: ['ReadWriteOnce'],
        persistentVolumeReclaimPolicy: 'Retain',
        storageClassName: '',
        hostPath: { path: `/var/lib/ex/${run}`, type: 'DirectoryOrCreate' },
      },
    });
    const ns = `/api/v1/namespaces/${source}`;
    await kubeA.send('POST', `${ns}/persistentvolumeclaims`, {
      apiVersion: 'v1',
      kind: 'PersistentVolumeClaim',
      metadata: { name: 'data', labels: app },
      spec: { accessModes: ['ReadWriteOnce'], storageClassName: '', volumeName: pvName, resources: { requests: { storage: '1Gi' } } },
    });
    await kubeA.send('POST', `${ns}/configmaps`, {
      apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'settings', labels: app }, data: { mode: 'fast' },
    });
    // Suspended, so it stays unfinished in both clusters whatever their nodes do.
    await kubeA.send('POST', `/apis/batch/v1/namespaces/${source}/jobs`, {
      apiVersion: 'batch/v1',
      kind: 'Job',
      metadata: { name: 'migrate', labels: app },
      spec: {
        suspend: true,
        template: { metadata: { labels: app }, spec: { restartPolicy: 'Never', containers: [{ name: 'm', image: 'example.com/migrate:1' }] } },
      },
    });
    await waitFor(async () => (await kubeA.get<{ status?: { phase?: string } }>(`${ns}/persistentvolumeclaims/data`)).status?.phase === 'Bound', {
      what: 'the claim to bind in a',
    });

    work = await mkdtemp(join(tmpdir(), 'restore-existing-'));
    location = { kind: 'filesystem', path: work, prefix: `loc-${run}` };
    store = openObjectStore(location);
    const spec = parseBackupSpec({ version: 1, clusterId: 'a', locationId: 'loc', includeNamespaces: [source], labelSelectors: [`app=ex-${run}`] });
    const outcome = await runBackup({ kind: 'backup', backup: { id: backupId, name: 'ex', spec }, location }, { kube: kubeA, store }, recordingContext().ctx);
    expect(outcome.errors).toEqual([]);
    expect(outcome.countsByKind).toMatchObject({ persistentvolumes: 1, 'customresourcedefinitions.apiextensions.k8s.io': 1, 'jobs.batch': 1 });

    const first = await restore(`r-ex-${run}-1`, { namespaceMapping: { [source]: target } });
    expect(first.outcome.errors).toEqual([]);
    await waitFor(async () => (await claimOf(target)).status?.phase === 'Bound', { what: 'the restored claim to bind in b' });
    // Another team's custom object of the same CRD, in a namespace the restores never name.
    await kubeB.send('POST', '/api/v1/namespaces', { apiVersion: 'v1', kind: 'Namespace', metadata: { name: bystanders } });
    await kubeB.send('POST', gadgetsIn(bystanders), {
      apiVersion: `${group}/v1`, kind: `Gadget${run}`, metadata: { name: 'theirs' }, spec: { size: 9 },
    });
  }, 300_000);

  afterAll(async () => {
    const ignore = () => undefined;
    await kubeA?.send('DELETE', `/api/v1/namespaces/${source}`).catch(ignore);
    for (const name of [target, bystanders, redo]) await kubeB?.send('DELETE', `/api/v1/namespaces/${name}`).catch(ignore);
    for (const kube of [kubeA, kubeB]) {
      await kube?.send('DELETE', `${crdsPath}/${crdName}`).catch(ignore);
      await kube?.send('DELETE', `/api/v1/persistentvolumes/${pvName}`).catch(ignore);
    }
    if (work) await rm(work, { recursive: true, force: true });
  });

  it('keeps a custom object in an unrelated namespace and a bound PV and claim through a replace restore, saying why, as its dry run said', async () => {
    const crdBefore = await kubeB.get<KubeObject>(`${crdsPath}/${crdName}`);
    const pvBefore = await kubeB.get<KubeObject>(`/api/v1/persistentvolumes/${pvName}`);
    const claimBefore = await claimOf(target);
    const settingsBefore = await kubeB.get<KubeObject>(`/api/v1/namespaces/${target}/configmaps/settings`);
    const spec = { namespaceMapping: { [source]: target }, existingResourcePolicy: 'replace' };

    const dry = await restore(`r-ex-${run}-2-dry`, { ...spec, dryRun: true });
    const real = await restore(`r-ex-${run}-2`, spec);
    expect(real.items.map(decision)).toEqual(dry.items.map(decision));
    expect(real.outcome).toMatchObject({ phase: 'Completed', errors: [] });
    expect(dry.outcome).toEqual({ ...real.outcome, bytes: dry.outcome.bytes });

    expect(itemOf(real.items, 'customresourcedefinitions.apiextensions.k8s.io', crdName)).toMatchObject({ result: 'updated', reason: clusterScopedReason });
    expect((await kubeB.get<KubeObject>(`${crdsPath}/${crdName}`)).metadata.uid).toBe(crdBefore.metadata.uid);
    expect((await kubeB.get<KubeObject>(`${gadgetsIn(bystanders)}/theirs`)).spec).toEqual({ size: 9 });

    for (const [type, name] of [['persistentvolumes', pvName], ['persistentvolumeclaims', 'data']]) {
      expect(itemOf(real.items, type as string, name as string)).toMatchObject({ result: 'skipped', reason: boundVolumeReason });
    }
    expect((await kubeB.get<KubeObject>(`/api/v1/persistentvolumes/${pvName}`)).metadata.uid).toBe(pvBefore.metadata.uid);
    const claimAfter = await claimOf(target);
    expect(claimAfter.metadata.uid).toBe(claimBefore.metadata.uid);
    expect(claimAfter.status?.phase).toBe('Bound');
    expect(claimAfter.metadata.deletionTimestamp).toBeUndefined();

    expect(itemOf(real.items, 'jobs.batch', 'migrate')).toMatchObject({ result: 'skipped', reason: expect.stringMatching(/has not finished/) });
    expect(itemOf(real.items, 'namespaces', target)).toMatchObject({ result: 'updated', reason: clusterScopedReason });
    const settings = itemOf(real.items, 'configmaps', 'settings');
    expect(settings).toMatchObject({ result: 'created', reason: expect.stringMatching(/^replaced/) });
    expect(settings.result === 'created' && settings.uid).not.toBe(settingsBefore.metadata.uid);
    expect(itemOf(dry.items, 'configmaps', 'settings')).toMatchObject({ result: 'created', uid: '' });
  });

  it('ends an update restore of an application with a Job Completed, the Job skipped with the reason, as its dry run said', async () => {
    const spec = { namespaceMapping: { [source]: target }, existingResourcePolicy: 'update' };
    const dry = await restore(`r-ex-${run}-3-dry`, { ...spec, dryRun: true });
    const real = await restore(`r-ex-${run}-3`, spec);
    expect(real.outcome).toMatchObject({ phase: 'Completed', errors: [] });
    expect(real.items.map(decision)).toEqual(dry.items.map(decision));
    expect(itemOf(real.items, 'jobs.batch', 'migrate')).toMatchObject({
      result: 'skipped',
      reason: expect.stringMatching(/^a Job's selector and pod template cannot change once created/),
    });
    expect(itemOf(real.items, 'persistentvolumeclaims', 'data')).toMatchObject({ result: 'skipped' });
    expect(itemOf(real.items, `${plural}.${group}`, 'g1')).toMatchObject({ result: 'updated' });
  });

  it('skips every existing object under policy skip, as its dry run said', async () => {
    const spec = { namespaceMapping: { [source]: target } };
    const dry = await restore(`r-ex-${run}-skip-dry`, { ...spec, dryRun: true });
    const real = await restore(`r-ex-${run}-skip`, spec);
    expect(real.items.map(decision)).toEqual(dry.items.map(decision));
    expect(real.outcome).toMatchObject({ phase: 'Completed', countsByKind: {}, errors: [] });
    for (const item of real.items) expect(item).toMatchObject({ result: 'skipped', reason: 'it exists in the target (existingResourcePolicy: skip)' });
  });

  it('does not give an object that existed before an update restore the restore labels', async () => {
    const path = `/api/v1/namespaces/${target}/configmaps/settings`;
    await kubeB.send('DELETE', path);
    await waitFor(() => kubeB.get(path).then(() => false, (error: unknown) => isNotFound(error)), { what: 'the ConfigMap to go' });
    const theirs = await kubeB.send<KubeObject>('POST', `/api/v1/namespaces/${target}/configmaps`, {
      apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'settings', labels: { team: 'theirs' } }, data: { mode: 'slow' },
    });
    const restoreId = `r-ex-${run}-4`;
    const { outcome, items } = await restore(restoreId, { namespaceMapping: { [source]: target }, existingResourcePolicy: 'update' });
    expect(outcome.errors).toEqual([]);
    expect(itemOf(items, 'configmaps', 'settings')).toEqual({
      type: 'configmaps', namespace: target, name: 'settings', result: 'updated', uid: theirs.metadata.uid,
    });
    const after = await kubeB.get<KubeObject>(path);
    expect(after.data).toEqual({ mode: 'fast' });
    expect(after.metadata.labels).toEqual(app);
    // Undoing the restore by its label, as the README says, finds nothing that existed before it.
    const labelled = await kubeB.get<{ items: unknown[] }>('/api/v1/configmaps', { labelSelector: `fleetback.io/restore=${restoreId}` });
    expect(labelled.items).toEqual([]);
  });

  it('records what the first attempt of an interrupted restore created as created with its uid when redone, and ends at all items', async () => {
    const restoreId = `r-ex-${run}-5`;
    // Only the namespace's objects: the cluster-scoped ones exist in b already, restored by the first test.
    const spec = { namespaceMapping: { [source]: redo }, excludeResources: ['persistentvolumes', 'customresourcedefinitions'] };
    // Stopped the way a killed agent stops: after a few items, the rest never applied.
    await expect(restore(restoreId, spec, (done) => done >= 3)).rejects.toThrow(JobFailure);
    const firstAttempt = await kubeB.get<{ items: KubeObject[] }>(`/api/v1/namespaces/${redo}/configmaps`, {
      labelSelector: `fleetback.io/restore=${restoreId}`,
    }).catch(() => ({ items: [] }));
    const namespaceBefore = await kubeB.get<KubeObject>(`/api/v1/namespaces/${redo}`);

    const again = await restore(restoreId, spec);
    expect(again.outcome).toMatchObject({ phase: 'Completed', errors: [] });
    for (const item of again.items) expect(item.result, `${item.type} ${item.name}`).not.toBe('skipped');
    const namespace = itemOf(again.items, 'namespaces', redo);
    expect(namespace).toEqual({ type: 'namespaces', namespace: null, name: redo, result: 'created', uid: namespaceBefore.metadata.uid, reason: keptReason });
    for (const configMap of firstAttempt.items) {
      expect(itemOf(again.items, 'configmaps', configMap.metadata.name)).toMatchObject({ result: 'created', uid: configMap.metadata.uid, reason: keptReason });
    }
    const last = again.reports.at(-1);
    expect(last?.done).toBe(again.items.length);
    expect(last?.total).toBe(again.items.length);
  });
});
