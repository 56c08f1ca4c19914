import {
  AppsV1Api,
  CoreV1Api,
  KubeConfig,
  RbacAuthorizationV1Api,
  StorageV1Api,
} from '@kubernetes/client-node';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { InventoryWatcher } from '../../agent/src/inventory/InventoryWatcher.ts';
import type { InventorySink, NamespaceUpdate } from '../../agent/src/inventory/InventorySink.ts';
import type { ClusterFacts, NamespaceInventory } from '#schema/agent/ClusterInventory';
import type { ClusterInfo } from '../world/WorldInfo.ts';
import { waitFor } from '../world/waitFor.ts';

// The inventory against a real API server: what the first delivery holds, and that creations, updates and
// deletions made afterwards reach the sink through the watches.
const world = inject('world');
const cluster = world.clusters.find((c) => c.name === 'a');
const run = Date.now().toString(36);

/** A sink that keeps every call, and replays the namespace updates the way a receiver applies them. */
class RecordingSink implements InventorySink {
  readonly factsCalls: ClusterFacts[] = [];
  readonly namespaceCalls: NamespaceUpdate[] = [];

  facts(facts: ClusterFacts): void {
    this.factsCalls.push(structuredClone(facts));
  }

  namespaces(update: NamespaceUpdate): void {
    this.namespaceCalls.push(structuredClone(update));
  }

  latestFacts(): ClusterFacts | undefined {
    return this.factsCalls.at(-1);
  }

  /** The namespaces a receiver holds after applying every update so far. */
  view(): Map<string, NamespaceInventory> {
    const view = new Map<string, NamespaceInventory>();
    for (const update of this.namespaceCalls) {
      if (update.full) view.clear();
      for (const namespace of update.upserted) view.set(namespace.name, namespace);
      for (const name of update.removed) view.delete(name);
    }
    return view;
  }
}

describe.skipIf(!cluster)('InventoryWatcher on world cluster a', () => {
  const info = cluster as ClusterInfo;
  const sink = new RecordingSink();
  const namespace = `inventory-${run}`;
  const classAtStart = `inventory-start-${run}`;
  const classLater = `inventory-later-${run}`;
  let core: CoreV1Api;
  let apps: AppsV1Api;
  let storage: StorageV1Api;
  let watcher: InventoryWatcher;

  beforeAll(async () => {
    const kc = new KubeConfig();
    kc.loadFromFile(info.kubeconfigPath);
    core = kc.makeApiClient(CoreV1Api);
    apps = kc.makeApiClient(AppsV1Api);
    storage = kc.makeApiClient(StorageV1Api);
    await storage.createStorageClass({
      body: { metadata: { name: classAtStart }, provisioner: 'example.com/at-start' },
    });
    watcher = new InventoryWatcher(kc, sink, { debounceMs: 100, logger: pino({ level: 'warn' }) });
    await watcher.start();
  });

  afterAll(async () => {
    await watcher?.stop();
    await core?.deleteNamespace({ name: namespace }).catch(() => undefined);
    await storage?.deleteStorageClass({ name: classAtStart }).catch(() => undefined);
    await storage?.deleteStorageClass({ name: classLater }).catch(() => undefined);
  });

  it('delivers the facts and every namespace, in full, before start resolves', () => {
    expect(sink.factsCalls).toHaveLength(1);
    const facts = sink.factsCalls[0] as ClusterFacts;
    expect(facts.kubernetesVersion).toMatch(/^v1\.35\./);
    if (info.kwok) expect(facts.nodeCount).toBeGreaterThanOrEqual(1);
    expect(facts.storageClasses).toContainEqual({
      name: classAtStart,
      provisioner: 'example.com/at-start',
      isDefault: false,
    });
    // The world installs no snapshot CRDs: the facts say so instead of failing.
    expect(facts.volumeSnapshotClasses).toEqual([]);

    expect(sink.namespaceCalls).toHaveLength(1);
    const first = sink.namespaceCalls[0] as NamespaceUpdate;
    expect(first.full).toBe(true);
    expect(first.removed).toEqual([]);
    const byName = new Map(first.upserted.map((n) => [n.name, n]));
    for (const name of ['default', 'kube-system']) {
      expect(byName.get(name)?.labels).toMatchObject({ 'kubernetes.io/metadata.name': name });
    }
    expect(watcher.snapshot()).toEqual({ facts, namespaces: first.upserted });
  });

  it('reports a namespace created after start, with its labels, in an incremental update', async () => {
    await core.createNamespace({ body: { metadata: { name: namespace, labels: { team: 'inventory' } } } });
    const update = await waitFor(
      async () => sink.namespaceCalls.find((u) => !u.full && u.upserted.some((n) => n.name === namespace)),
      { what: `an update upserting ${namespace}`, timeoutMs: 30_000 },
    );
    expect(update.upserted.find((n) => n.name === namespace)?.labels).toEqual({
      team: 'inventory',
      'kubernetes.io/metadata.name': namespace,
    });
  });

  it("reports the namespace's workloads, claims and object counts", async () => {
    const labels = { app: 'web' };
    await apps.createNamespacedDeployment({
      namespace,
      body: {
        metadata: { name: 'web', labels },
        spec: {
          replicas: 2,
          selector: { matchLabels: labels },
          template: {
            metadata: { labels },
            spec: { containers: [{ name: 'app', image: 'example.invalid/web:1' }] },
          },
        },
      },
    });
    await core.createNamespacedPersistentVolumeClaim({
      namespace,
      body: {
        metadata: { name: 'data', labels: { app: 'web' } },
        spec: {
          storageClassName: classAtStart,
          accessModes: ['ReadWriteOnce'],
          resources: { requests: { storage: '1Gi' } },
        },
      },
    });
    for (const name of ['settings', 'flags']) {
      await core.createNamespacedConfigMap({ namespace, body: { metadata: { name }, data: { k: 'v' } } });
    }

    const inventory = await waitFor(
      async () => {
        const current = sink.view().get(namespace);
        const complete =
          current?.workloads.length === 1 &&
          current.persistentVolumeClaims.length === 1 &&
          (current.countsByKind.ConfigMap ?? 0) >= 2;
        return complete ? current : undefined;
      },
      { what: `the Deployment, the claim and the ConfigMaps of ${namespace}`, timeoutMs: 30_000 },
    );
    expect(inventory.workloads[0]).toMatchObject({ kind: 'Deployment', name: 'web', labels, replicas: 2 });
    expect(inventory.persistentVolumeClaims).toEqual([
      {
        name: 'data',
        labels: { app: 'web' },
        storageClassName: classAtStart,
        requestedStorage: '1Gi',
        phase: expect.any(String),
        volumeName: null,
      },
    ]);
    expect(inventory.countsByKind).toMatchObject({ Deployment: 1, PersistentVolumeClaim: 1 });

    if (info.kwok && info.controllerManager && info.scheduler) {
      // Status changes arrive as updates too: the pods start on the fake node and become ready.
      await waitFor(
        async () => {
          const current = sink.view().get(namespace);
          return current?.workloads[0]?.readyReplicas === 2 && current.countsByKind.Pod === 2;
        },
        { what: `two ready replicas of ${namespace}/web`, timeoutMs: 60_000 },
      );
    }
    // What the increments add up to is what a reconnecting link would send in full.
    await waitFor(
      async () => {
        const fromSnapshot = watcher.snapshot().namespaces.find((n) => n.name === namespace);
        return JSON.stringify(fromSnapshot) === JSON.stringify(sink.view().get(namespace));
      },
      { what: 'the incremental updates to match the snapshot', timeoutMs: 30_000 },
    );
  });

  it('reports a StorageClass created after start in new facts, and its deletion', async () => {
    await storage.createStorageClass({
      body: {
        metadata: {
          name: classLater,
          annotations: { 'storageclass.kubernetes.io/is-default-class': 'true' },
        },
        provisioner: 'example.com/later',
      },
    });
    await waitFor(
      async () =>
        sink.latestFacts()?.storageClasses.some(
          (c) => c.name === classLater && c.provisioner === 'example.com/later' && c.isDefault,
        ),
      { what: `facts listing ${classLater} as the default class`, timeoutMs: 30_000 },
    );
    await storage.deleteStorageClass({ name: classLater });
    await waitFor(async () => !sink.latestFacts()?.storageClasses.some((c) => c.name === classLater), {
      what: `facts without ${classLater}`,
      timeoutMs: 30_000,
    });
  });

  it.skipIf(!cluster?.controllerManager)('reports a deleted namespace as removed', async () => {
    await core.deleteNamespace({ name: namespace });
    await waitFor(async () => sink.namespaceCalls.some((u) => !u.full && u.removed.includes(namespace)), {
      what: `an update removing ${namespace}`,
      timeoutMs: 90_000,
    });
    expect(sink.view().has(namespace)).toBe(false);
  });

  it('never delivers what the receiver already has', () => {
    for (const [i, facts] of sink.factsCalls.entries()) {
      if (i > 0) expect(facts).not.toEqual(sink.factsCalls[i - 1]);
    }
    const held = new Map<string, NamespaceInventory>();
    for (const update of sink.namespaceCalls) {
      if (update.full) held.clear();
      for (const n of update.upserted) {
        if (!update.full) expect(n).not.toEqual(held.get(n.name));
        held.set(n.name, n);
      }
      for (const name of update.removed) expect(held.delete(name)).toBe(true);
    }
  });
});


describe.skipIf(!cluster)('InventoryWatcher without permission to list yet', () => {
  const info = cluster as ClusterInfo;
  const namespace = `inventory-rbac-${run}`;
  const role = `fleetback-inventory-${run}`;
  let admin: KubeConfig;
  let asAgent: KubeConfig;

  beforeAll(async () => {
    admin = new KubeConfig();
    admin.loadFromFile(info.kubeconfigPath);
    const core = admin.makeApiClient(CoreV1Api);
    await core.createNamespace({ body: { metadata: { name: namespace } } });
    await core.createNamespacedServiceAccount({ namespace, body: { metadata: { name: 'agent' } } });
    const request = await core.createNamespacedServiceAccountToken({
      name: 'agent',
      namespace,
      body: { spec: { audiences: [], expirationSeconds: 600 } },
    });
    asAgent = new KubeConfig();
    asAgent.loadFromClusterAndUser(
      { name: info.name, server: info.server, caFile: info.caFile, skipTLSVerify: false },
      { name: 'agent', token: request.status?.token },
    );
  });

  afterAll(async () => {
    const rbac = admin?.makeApiClient(RbacAuthorizationV1Api);
    await rbac?.deleteClusterRoleBinding({ name: role }).catch(() => undefined);
    await rbac?.deleteClusterRole({ name: role }).catch(() => undefined);
    await admin?.makeApiClient(CoreV1Api).deleteNamespace({ name: namespace }).catch(() => undefined);
  });

  it('rejects start when stopped before every kind could be listed', async () => {
    const sink = new RecordingSink();
    const logger = pino({ level: 'silent' });
    const watcher = new InventoryWatcher(asAgent, sink, { debounceMs: 100, logger });
    const started = watcher.start();
    await watcher.stop();
    await expect(started).rejects.toThrow(/stopped before/);
    expect(sink.namespaceCalls).toEqual([]);
  });

  it('logs the refused lists, retries them, and starts once RBAC allows them', async () => {
    const logged: string[] = [];
    const logger = pino({ level: 'warn' }, { write: (line: string) => logged.push(line) });
    const sink = new RecordingSink();
    const watcher = new InventoryWatcher(asAgent, sink, { debounceMs: 100, logger });
    const started = watcher.start();
    try {
      const refused = (line: string) => line.includes('inventory watch failed') && line.includes('403');
      await waitFor(async () => logged.some(refused), { what: 'a logged 403', timeoutMs: 30_000 });
      expect(sink.namespaceCalls).toEqual([]);

      // What the agent's ClusterRole will need: list and watch of every kind the inventory reads.
      const rbac = admin.makeApiClient(RbacAuthorizationV1Api);
      const verbs = ['list', 'watch'];
      await rbac.createClusterRole({
        body: {
          metadata: { name: role },
          rules: [
            {
              apiGroups: [''],
              resources: ['namespaces', 'nodes', 'persistentvolumeclaims', 'pods', 'services'],
              verbs,
            },
            { apiGroups: [''], resources: ['configmaps', 'secrets', 'serviceaccounts'], verbs },
            { apiGroups: ['apps'], resources: ['deployments', 'statefulsets', 'daemonsets'], verbs },
            { apiGroups: ['batch'], resources: ['cronjobs', 'jobs'], verbs },
            { apiGroups: ['storage.k8s.io'], resources: ['storageclasses', 'csidrivers'], verbs },
            { apiGroups: ['snapshot.storage.k8s.io'], resources: ['volumesnapshotclasses'], verbs },
          ],
        },
      });
      await rbac.createClusterRoleBinding({
        body: {
          metadata: { name: role },
          roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: role },
          subjects: [{ kind: 'ServiceAccount', name: 'agent', namespace }],
        },
      });
      await started;
      expect(sink.namespaceCalls).toHaveLength(1);
      const names = sink.namespaceCalls[0]?.upserted.map((n) => n.name);
      expect(names).toEqual(expect.arrayContaining(['default', namespace]));
      expect(sink.factsCalls[0]?.kubernetesVersion).toMatch(/^v1\.35\./);
    } finally {
      await watcher.stop();
      await started.catch(() => undefined);
    }
  });
});
