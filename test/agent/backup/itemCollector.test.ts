import { KubeConfig } from '@kubernetes/client-node';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { loadBackupRequest } from '../../../agent/src/backup/loadBackupRequest.ts';
import {
  type CollectedItem,
  ItemCollector,
  type ItemCollectorOptions,
} from '../../../agent/src/backup/ItemCollector.ts';
import { qualifiedResourceName } from '../../../agent/src/kube/ApiResourceType.ts';
import { type KubeJson, KubeJsonClient, type KubeQuery } from '../../../agent/src/kube/KubeJsonClient.ts';
import { parseBackupSpec } from '#schema/contracts/BackupSpec';
import type { ClusterInfo } from '../../world/WorldInfo.ts';
import { waitFor } from '../../world/waitFor.ts';
import { createShopFixture, type ShopFixture } from './createShopFixture.ts';
import { limitedKubeConfig } from './limitedKubeConfig.ts';

// The collection stage against a real API server: what a spec selects, namespaced and cluster-scoped, that
// lists are paginated and objects cleaned, and that a type it may not read is an error, not a failure.
const world = inject('world');
const cluster = world.clusters.find((c) => c.name === 'a');
const run = Date.now().toString(36);

/** The real client, with every GET it makes written down, to see the pages a collection asked for. */
class RecordingKube implements KubeJson {
  readonly calls: { path: string; query: KubeQuery }[] = [];
  constructor(private readonly inner: KubeJson) {}
  get<T>(path: string, query: KubeQuery = {}): Promise<T> {
    this.calls.push({ path, query: { ...query } });
    return this.inner.get<T>(path, query);
  }
}

/** `configmaps shop/settings`, `persistentvolumes pv-1`: an item as the assertions name it. */
function keyOf(item: CollectedItem): string {
  const type = qualifiedResourceName({ group: item.group, plural: item.resource });
  return `${type} ${item.namespace ? `${item.namespace}/` : ''}${item.name}`;
}

/** Resolves a spec against the cluster and collects everything it selects. */
async function backUp(kube: KubeJson, spec: Record<string, unknown>, options?: ItemCollectorOptions) {
  const backupSpec = parseBackupSpec({ version: 1, clusterId: 'a', locationId: 'here', ...spec });
  const collector = new ItemCollector(kube, await loadBackupRequest(kube, backupSpec), options);
  const items: CollectedItem[] = [];
  for await (const item of collector.collect()) items.push(item);
  return { items, keys: items.map(keyOf).sort(), result: collector.result };
}

describe.skipIf(!cluster)('ItemCollector on world cluster a', () => {
  const info = cluster as ClusterInfo;
  let admin: KubeConfig;
  let kube: RecordingKube;
  let f: ShopFixture;

  beforeAll(async () => {
    admin = new KubeConfig();
    admin.loadFromFile(info.kubeconfigPath);
    kube = new RecordingKube(KubeJsonClient.of(admin));
    f = await createShopFixture(admin, run);
  });

  afterAll(async () => {
    await f?.remove();
  });

  it('takes exactly the labelled objects of the namespace and the cluster-scoped objects they need', async () => {
    const { keys, result } = await backUp(kube, { includeNamespaces: [f.ns], labelSelectors: ['app=shop'] });
    expect(keys).toEqual(
      [
        `configmaps ${f.ns}/settings`,
        `secrets ${f.ns}/token`,
        `serviceaccounts ${f.ns}/shop`,
        `roles.rbac.authorization.k8s.io ${f.ns}/shop`,
        `rolebindings.rbac.authorization.k8s.io ${f.ns}/shop-reads`,
        `persistentvolumeclaims ${f.ns}/data`,
        `deployments.apps ${f.ns}/web`,
        `${f.crdName} ${f.ns}/big`,
        `namespaces ${f.ns}`,
        `persistentvolumes ${f.pv}`,
        `storageclasses.storage.k8s.io ${f.storageClass}`,
        `customresourcedefinitions.apiextensions.k8s.io ${f.crdName}`,
        `clusterroles.rbac.authorization.k8s.io ${f.clusterRole}`,
        `priorityclasses.scheduling.k8s.io ${f.priorityClass}`,
      ].sort(),
    );
    expect(result.errors).toEqual([]);
    expect(result.phase).toBe('Completed');
    expect(result.counts.configmaps).toBe(1);
  });

  it('cleans what it collects and sets apiVersion and kind on listed items', async () => {
    const { items } = await backUp(kube, { includeNamespaces: [f.ns], labelSelectors: ['app=shop'] });
    for (const { object } of items) {
      const metadata = object.metadata as Record<string, unknown>;
      for (const field of ['uid', 'resourceVersion', 'managedFields', 'creationTimestamp', 'generation']) {
        expect(metadata, `${String(object.kind)} ${String(metadata.name)}`).not.toHaveProperty(field);
      }
      expect(object).not.toHaveProperty('status');
      expect(typeof object.apiVersion).toBe('string');
      expect(typeof object.kind).toBe('string');
      // Plain JSON as the server sent it: no Dates or model classes a typed client would have made.
      expect(object).toStrictEqual(JSON.parse(JSON.stringify(object)));
    }
    const configMap = items.find((i) => i.resource === 'configmaps');
    expect(configMap?.object).toMatchObject({ apiVersion: 'v1', kind: 'ConfigMap', data: { a: '1' } });
    const gizmo = items.find((i) => i.resource === f.plural);
    expect(gizmo?.object).toMatchObject({ apiVersion: `${f.group}/v1`, kind: `Gizmo${run}`, spec: { size: 3 } });
  });

  it('takes no cluster-scoped objects under clusterScoped none, and never events or nodes', async () => {
    const { items, keys } = await backUp(kube, { includeNamespaces: [f.ns], clusterScoped: 'none' });
    expect(items.every((i) => i.namespace === f.ns)).toBe(true);
    expect(keys).toContain(`configmaps ${f.ns}/unlabelled`);
    expect(keys).toContain(`${f.crdName} ${f.ns}/small`);
    expect(keys).not.toContain(`configmaps ${f.ns}/transient`);
    expect(items.filter((i) => ['Event', 'Node', 'Lease'].includes(i.kind))).toEqual([]);
  });

  it('applies excludeResources', async () => {
    const { keys } = await backUp(kube, {
      includeNamespaces: [f.ns],
      excludeResources: ['secrets'],
      clusterScoped: 'none',
    });
    expect(keys.filter((k) => k.startsWith('secrets '))).toEqual([]);
    expect(keys).toContain(`configmaps ${f.ns}/settings`);
  });

  it('takes every object of the allowed cluster-scoped types under all, but only selected namespaces', async () => {
    const { keys, result } = await backUp(kube, {
      includeNamespaces: [f.ns],
      includeResources: ['configmaps', 'namespaces', 'storageclasses.storage.k8s.io', 'nodes'],
      clusterScoped: 'all',
    });
    expect(keys).toContain(`storageclasses.storage.k8s.io ${f.storageClass}`);
    expect(keys).toContain(`namespaces ${f.ns}`);
    expect(keys).not.toContain(`namespaces ${f.other}`);
    expect(keys.filter((k) => k.startsWith('nodes '))).toEqual([]);
    expect(result.warnings.map((w) => w.message)).toContain(
      'nodes is never backed up: machines of the source cluster; the target cluster registers its own',
    );
  });

  it('lists cluster-wide when no namespace is included, keeping excluded namespaces out', async () => {
    kube.calls.length = 0;
    const { keys } = await backUp(kube, {
      excludeNamespaces: [f.other],
      includeResources: ['configmaps'],
      labelSelectors: ['app=shop'],
      clusterScoped: 'none',
    });
    expect(keys).toContain(`configmaps ${f.ns}/settings`);
    expect(keys).not.toContain(`configmaps ${f.other}/settings`);
    expect(kube.calls.filter((c) => c.path === '/api/v1/configmaps')).toHaveLength(1);
    expect(kube.calls.filter((c) => c.path.endsWith('/configmaps'))).toHaveLength(1);
  });

  it('reads long lists page by page and takes every object once', async () => {
    kube.calls.length = 0;
    const { keys, result } = await backUp(
      kube,
      { includeNamespaces: [f.paged], includeResources: ['configmaps'], clusterScoped: 'none' },
      { pageSize: 5 },
    );
    expect(result.errors).toEqual([]);
    expect(result.warnings).toEqual([]);
    // kube-root-ca.crt, which the controller manager publishes in every namespace, may or may not be there yet.
    const pageKeys = keys.filter((k) => k !== `configmaps ${f.paged}/kube-root-ca.crt`);
    expect(pageKeys).toEqual(Array.from({ length: 12 }, (_, i) => `configmaps ${f.paged}/page-${i}`).sort());
    const pages = kube.calls.filter((c) => c.path === `/api/v1/namespaces/${f.paged}/configmaps`);
    expect(pages.map((p) => p.query.limit)).toEqual([5, 5, 5]);
    expect(pages[0]?.query.continue).toBeUndefined();
    expect(pages.slice(1).every((p) => typeof p.query.continue === 'string')).toBe(true);
  });

  it('records a type it may not list as an error and collects the rest', async () => {
    const reader = await limitedKubeConfig(admin, info, f.ns, `backup-partial-${run}`, {
      clusterRules: [{ apiGroups: [''], resources: ['namespaces'], verbs: ['get', 'list'] }],
      namespaceRules: [{ apiGroups: [''], resources: ['configmaps'], verbs: ['list'] }],
    });
    try {
      const limited = KubeJsonClient.of(reader.kubeConfig);
      const spec = {
        includeNamespaces: [f.ns],
        includeResources: ['configmaps', 'secrets'],
        clusterScoped: 'none',
      };
      // New RBAC rules take a moment to reach the authorizer.
      const { keys, result } = await waitFor(
        async () => {
          const attempt = await backUp(limited, spec);
          return attempt.keys.length > 0 && attempt;
        },
        { what: 'the limited service account to read ConfigMaps', timeoutMs: 15_000 },
      );
      expect(keys).toContain(`configmaps ${f.ns}/settings`);
      expect(keys.filter((k) => k.startsWith('secrets '))).toEqual([]);
      expect(result.phase).toBe('PartiallyFailed');
      expect(result.errors).toEqual([
        { resource: 'secrets', namespace: f.ns, message: expect.stringContaining('could not be listed: HTTP 403') },
      ]);
    } finally {
      await reader.remove();
    }
  });
});
