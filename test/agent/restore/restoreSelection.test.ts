import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { KubeConfig } from '@kubernetes/client-node';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { LocationTarget } from '#schema/agent/JobPayload';
import type { OperationOutcome } from '#schema/agent/OperationOutcome';
import type { RestoreItem } from '#schema/agent/RestoreItemReport';
import { parseBackupSpec } from '#schema/contracts/BackupSpec';
import { parseRestoreSpec } from '#schema/contracts/RestoreSpec';
import { runBackup } from '../../../agent/src/backup/runBackup.ts';
import { KubeWriter } from '../../../agent/src/kube/KubeWriter.ts';
import type { KubeObject } from '../../../agent/src/restore/KubeObject.ts';
import { runRestore } from '../../../agent/src/restore/runRestore.ts';
import type { ObjectStore } from '../../../agent/src/storage/ObjectStore.ts';
import { openObjectStore } from '../../../agent/src/storage/openObjectStore.ts';
import type { ClusterInfo } from '../../world/WorldInfo.ts';
import { waitFor } from '../../world/waitFor.ts';
import { recordingContext } from '../backup/recordingContext.ts';
import { createSelectionApplication, readIfAny, type SelectionApplication } from './selectionApplication.ts';

// An all-namespaces backup of cluster a (clusterScoped: all, so it holds every ClusterRole, cluster-admin
// included) holding two applications (`selectionApplication.ts`), restored into cluster b with a namespace
// filter: only the cluster-scoped objects the restored namespace's objects need are touched.
const world = inject('world');
const a = world.clusters.find((c) => c.name === 'a');
const b = world.clusters.find((c) => c.name === 'b');
const run = Date.now().toString(36);

function writerFor(info: ClusterInfo): KubeWriter {
  const config = new KubeConfig();
  config.loadFromFile(info.kubeconfigPath);
  return KubeWriter.of(config);
}

const clusterAdmin = '/apis/rbac.authorization.k8s.io/v1/clusterroles/cluster-admin';

describe.skipIf(!a || !b)('what a restore selects', () => {
  const backupId = `b-sel-${run}`;
  const target = `sel-dst-${run}`;
  let kubeA: KubeWriter;
  let kubeB: KubeWriter;
  let work: string;
  let location: LocationTarget;
  let store: ObjectStore;
  let application: SelectionApplication;
  let restores = 0;

  /** Runs a restore of the backup into cluster b, recording every item outcome and progress report. */
  async function restore(spec: Record<string, unknown>) {
    const { ctx, reports } = recordingContext();
    const items: RestoreItem[] = [];
    ctx.restoreItem = (item) => items.push(item);
    const payload = {
      kind: 'restore' as const,
      restore: { id: `r-sel-${run}-${++restores}`, spec: parseRestoreSpec({ version: 1, backupId, targetClusterId: 'b', ...spec }) },
      backup: { id: backupId, name: 'sel' },
      location,
    };
    const outcome = await runRestore(payload, { kube: kubeB, store, workDirectory: work }, ctx);
    return { outcome, items, reports, restoreId: payload.restore.id };
  }

  beforeAll(async () => {
    kubeA = writerFor(a as ClusterInfo);
    kubeB = writerFor(b as ClusterInfo);
    application = await createSelectionApplication(kubeA, run);
    work = await mkdtemp(join(tmpdir(), 'restore-selection-'));
    location = { kind: 'filesystem', path: work, prefix: `loc-${run}` };
    store = openObjectStore(location);
    const spec = parseBackupSpec({ version: 1, clusterId: 'a', locationId: 'loc', clusterScoped: 'all' });
    const outcome = await runBackup({ kind: 'backup', backup: { id: backupId, name: 'sel', spec }, location }, { kube: kubeA, store }, recordingContext().ctx);
    expect(outcome.errors).toEqual([]);
    expect(outcome.countsByKind['clusterroles.rbac.authorization.k8s.io']).toBeGreaterThan(40);
  }, 120_000);

  afterAll(async () => {
    const ignore = () => undefined;
    await kubeB?.send('DELETE', `/api/v1/namespaces/${target}`).catch(ignore);
    for (const { type, name } of application?.needed ?? []) {
      if (type === 'namespaces') continue;
      const [resource, ...group] = type.split('.');
      const base = group.length === 0 ? '/api/v1' : `/apis/${group.join('.')}/v1`;
      await kubeB?.send('DELETE', `${base}/${resource}/${name}`).catch(ignore);
    }
    if (work) await rm(work, { recursive: true, force: true });
  });

  describe('a namespace-filtered restore from an all-namespaces backup', () => {
    let result: Awaited<ReturnType<typeof restore>>;
    let adminBefore: KubeObject;

    beforeAll(async () => {
      adminBefore = await kubeB.get<KubeObject>(clusterAdmin);
      result = await restore({ includeNamespaces: [application.app], namespaceMapping: { [application.app]: target }, existingResourcePolicy: 'update' });
    }, 120_000);

    it('touches no cluster-scoped object beyond what its items need: their CRD, Namespace, StorageClass, PV, ClusterRole and PriorityClass', () => {
      expect(result.outcome.errors).toEqual([]);
      const clusterScoped = result.items.filter((i) => i.namespace === null).map((i) => `${i.type} ${i.name}`);
      const expected = application.needed.map(({ type, name }) => `${type} ${type === 'namespaces' ? target : name}`);
      expect(clusterScoped.sort()).toEqual(expected.sort());
      expect(result.items.filter((i) => i.namespace !== null && i.namespace !== target)).toEqual([]);
    });

    it('leaves cluster-admin as it was: not updated, not labelled', async () => {
      const after = await kubeB.get<KubeObject>(clusterAdmin);
      expect(after.metadata.resourceVersion).toBe(adminBefore.metadata.resourceVersion);
      expect(Object.keys(after.metadata.labels ?? {}).filter((k) => k.startsWith('fleetback.io/'))).toEqual([]);
      const labelled = await kubeB.get<{ items: KubeObject[] }>('/apis/rbac.authorization.k8s.io/v1/clusterroles', {
        labelSelector: `fleetback.io/restore=${result.restoreId}`,
      });
      expect(labelled.items.map((r) => r.metadata.name)).toEqual([`sel-reader-${run}`]);
    });

    it('says what clusterScoped: auto left out of the backup', () => {
      const leftOut = result.outcome.warnings.find((w) => w.startsWith('clusterScoped: auto'));
      expect(leftOut).toMatch(/\d+ clusterroles\.rbac\.authorization\.k8s\.io/);
      expect(leftOut).toMatch(/clusterScoped: all restores them$/);
    });

    it('ends with progress N of N, N counting every item handled, skipped ones included', () => {
      const { outcome, items, reports } = result;
      expect(outcome.itemCount).toBe(items.length);
      expect(items.some((i) => i.result === 'skipped')).toBe(true);
      expect(reports.at(-1)).toMatchObject({ done: items.length, total: items.length });
    });

    it('reports the kind of each type it counts', () => {
      expect(result.outcome.kinds).toMatchObject({ configmaps: 'ConfigMap', persistentvolumes: 'PersistentVolume', namespaces: 'Namespace' });
      expect(Object.keys(result.outcome.kinds ?? {}).sort()).toEqual(Object.keys(result.outcome.countsByKind).sort());
    });

    it('rewrites the namespace a last-applied-configuration names with the mapping', async () => {
      const settings = await kubeB.get<KubeObject>(`/api/v1/namespaces/${target}/configmaps/settings`);
      const lastApplied = settings.metadata.annotations?.['kubectl.kubernetes.io/last-applied-configuration'] ?? '';
      expect(JSON.parse(lastApplied)).toMatchObject({ metadata: { name: 'settings', namespace: target } });
      expect(lastApplied.endsWith('\n')).toBe(true);
    });

    it('does not spread the restore label to the Endpoints and EndpointSlices the target makes for a restored Service', async () => {
      const service = await kubeB.get<KubeObject>(`/api/v1/namespaces/${target}/services/web`);
      expect(service.metadata.annotations).toMatchObject({ 'fleetback.io/restore': result.restoreId });
      expect(service.metadata.labels).toEqual({ app: 'web' });
      const slices = await waitFor(
        async () => {
          const list = await kubeB.get<{ items: KubeObject[] }>(`/apis/discovery.k8s.io/v1/namespaces/${target}/endpointslices`);
          return list.items.length > 0 ? list.items : undefined;
        },
        { what: `the EndpointSlices of Service web in ${target}` },
      );
      const endpoints = await waitFor(() => readIfAny(kubeB, `/api/v1/namespaces/${target}/endpoints/web`), { what: 'the Endpoints of web' });
      for (const made of [...slices, endpoints]) {
        expect(made.metadata.labels?.app, made.kind).toBe('web');
        expect(made.metadata.labels?.['fleetback.io/restore'], made.kind).toBeUndefined();
      }
    });
  });

  it('warns of each filter that matches nothing in the backup', async () => {
    const { outcome } = await restore({
      dryRun: true,
      includeNamespaces: [application.app, 'sel-missing-*'],
      namespaceMapping: { [`sel-nope-${run}`]: 'anywhere' },
      includeResources: ['services', 'gizmos.example.com'],
      labelSelectors: ['app=web', 'tier=nope'],
    });
    expect(outcome.warnings).toEqual([
      `includeNamespaces: 'sel-missing-*' matches no namespace in the backup`,
      `namespaceMapping: namespace 'sel-nope-${run}' is not in the backup, so nothing is restored into 'anywhere'`,
      `includeResources: the backup holds no 'gizmos.example.com'`,
      `labelSelectors: 'tier=nope' selects nothing in the namespaces and types the restore selects`,
    ]);
    // A dry run counts what the real run would write: the Service, and its namespace, which the target lacks.
    expect(outcome.countsByKind).toEqual({ namespaces: 1, services: 1 });
    expect(outcome.phase).toBe('Completed');
  });

  it('a backup of a namespace that does not exist is PartiallyFailed with an error naming it', async () => {
    const missing = `sel-missing-${run}`;
    const spec = parseBackupSpec({ version: 1, clusterId: 'a', locationId: 'loc', includeNamespaces: [missing, application.app] });
    const backup = { id: `b-missing-${run}`, name: 'missing', spec };
    const outcome: OperationOutcome = await runBackup({ kind: 'backup', backup, location }, { kube: kubeA, store }, recordingContext().ctx);
    expect(outcome.phase).toBe('PartiallyFailed');
    expect(outcome.errors).toEqual([`includeNamespaces: namespace '${missing}' does not exist in the cluster, so nothing of it is backed up`]);
    expect(outcome.countsByKind.configmaps).toBeGreaterThan(0);
  });
});
