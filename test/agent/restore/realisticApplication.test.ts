import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { KubeConfig } from '@kubernetes/client-node';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { kubeStatusOf } from '../../../agent/src/kube/KubeJsonClient.ts';
import { KubeWriter } from '../../../agent/src/kube/KubeWriter.ts';
import { startTestAgent, type TestAgent } from '../../kit/startTestAgent.ts';
import { startTestHub, type TestHub } from '../../kit/startTestHub.ts';
import { waitFor } from '../../world/waitFor.ts';
import type { ClusterInfo } from '../../world/WorldInfo.ts';
import {
  type AppObject,
  type Manifest,
  partOfSelector,
  pathOf,
  type RealisticApplication,
  realisticApplication,
} from './realisticApplication.ts';
import { claim, createRealisticApplication, podsOf, removeRealisticApplication } from './realisticApplicationCluster.ts';
import { expectedRestored, type RoundTrip, withoutTargetAssignments } from './realisticApplicationComparison.ts';
import { HubUser, type LocationKind } from './realisticApplicationHub.ts';

// A realistic application in a namespace of cluster a, backed up by its label through a real hub and a real
// agent, restored by the agent of cluster b into a new namespace: every object comes back as it was, but for
// exactly the documented cleaned fields and fix-ups; what the label does not select stays behind; what a's
// controllers derived is left to b's. The same round trip through each of the four location kinds.
const world = inject('world');
const a = world.clusters.find((c) => c.name === 'a');
const b = world.clusters.find((c) => c.name === 'b');
const run = Date.now().toString(36);
const kinds: { kind: LocationKind; short: string; available: boolean }[] = [
  { kind: 'filesystem', short: 'fs', available: true },
  { kind: 's3', short: 's3', available: world.s3 !== undefined },
  { kind: 'gcs', short: 'gcs', available: world.gcs !== undefined },
  { kind: 'azure', short: 'az', available: world.azure !== undefined },
];
/** The StatefulSet's claims, made by a's controller from its volumeClaimTemplate. */
const statefulSetClaims = ['data-shop-db-0', 'data-shop-db-1'];
/** Objects a's controllers derive from the application's, which the restore leaves to b's controllers. */
const derivedTypes = ['pods', 'replicasets.apps', 'controllerrevisions.apps', 'endpointslices.discovery.k8s.io', 'endpoints'];
const derivedReason = /^(its controller \w+ [\w-]+ is restored and recreates it in the target|Service [\w-]+ is restored and the target computes its endpoints)$/;

let hub: TestHub;
let user: HubUser;
const agents: TestAgent[] = [];
let tenantId: string;
const clusterIds: Record<'a' | 'b', string> = { a: '', b: '' };
const filesystemPath = mkdtempSync(join(tmpdir(), 'fleetback-realistic-'));
const created: { app: RealisticApplication; target: string }[] = [];

function writerFor(info: ClusterInfo): KubeWriter {
  const config = new KubeConfig();
  config.loadFromFile(info.kubeconfigPath);
  return KubeWriter.of(config);
}

describe.skipIf(!a || !b)('a realistic application from cluster a restored into a new namespace of cluster b', () => {
  const kubeA = a ? writerFor(a) : (undefined as never);
  const kubeB = b ? writerFor(b) : (undefined as never);

  beforeAll(async () => {
    hub = await startTestHub({ database: 'sqlite', world });
    user = new HubUser(hub, () => agents);
    tenantId = (await user.gql<{ createTenant: { id: string } }>('mutation { createTenant(input: { name: "shop" }) { id } }'))
      .createTenant.id;
    for (const [name, info] of [['a', a], ['b', b]] as const) {
      const { registerCluster } = await user.gql<{ registerCluster: { cluster: { id: string }; enrollmentToken: string } }>(
        'mutation($t: ID!, $n: String!) { registerCluster(input: { tenantId: $t, name: $n }) { cluster { id } enrollmentToken } }',
        { t: tenantId, n: name },
      );
      clusterIds[name] = registerCluster.cluster.id;
      agents.push(
        startTestAgent({
          hubUrl: hub.url,
          kubeconfigPath: (info as ClusterInfo).kubeconfigPath,
          logDir: world.logDir,
          name: `realistic-${name}`,
          enrollmentToken: registerCluster.enrollmentToken,
        }),
      );
    }
  });

  afterAll(async () => {
    for (const agent of agents) await agent.kill();
    for (const { app, target } of created) {
      await removeRealisticApplication(kubeA, app, [app.namespace]);
      await removeRealisticApplication(kubeB, app, [target]);
    }
    await hub?.stop();
    rmSync(filesystemPath, { recursive: true, force: true });
  });

  it('takes a gcs location without a credential only with an endpoint, and keeps the endpoint', async () => {
    const needs = /gcs locations need a credential of kind gcp, unless they name an endpoint/;
    const refused = await hub.gql(hub.adminToken, 'mutation($t: ID!) { createBackupLocation(input: { tenantId: $t, name: "google", gcs: { bucket: "shop-backups" } }) { id } }', {
      t: tenantId,
    });
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.credentialId' });
    expect(refused.errors?.[0]?.message).toMatch(needs);
    const { createBackupLocation } = await user.gql<{ createBackupLocation: { id: string } }>(
      'mutation($t: ID!, $e: String!) { createBackupLocation(input: { tenantId: $t, name: "private-google", gcs: { bucket: "shop-backups", endpoint: $e } }) { id } }',
      { t: tenantId, e: 'https://storage.private.example.com' },
    );
    const cleared = await hub.gql(hub.adminToken, 'mutation($id: ID!) { updateBackupLocation(id: $id, input: { endpoint: null }) { id } }', {
      id: createBackupLocation.id,
    });
    expect(cleared.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.endpoint' });
    expect(cleared.errors?.[0]?.message).toMatch(needs);
    await user.gql('mutation($id: ID!) { deleteBackupLocation(id: $id) }', { id: createBackupLocation.id });
  });

  for (const [index, { kind, short, available }] of kinds.entries()) {
    it.skipIf(!available)(`round-trips through a ${kind} location`, async () => {
      // Chosen node ports come from the static band at the bottom of the range, which allocation avoids.
      const app = realisticApplication(`${short}-${run}`, 30_000 + (Number.parseInt(run.slice(-3), 36) % 20) * 4 + index);
      const target = `${app.namespace}-copy`;
      created.push({ app, target });
      await createRealisticApplication(kubeA, app);
      const locationId = await user.createLocation(world, tenantId, kind, `shop-${short}-${run}`, Object.values(clusterIds), filesystemPath);

      const backup = await user.backup({
        clusterId: clusterIds.a,
        locationId,
        includeNamespaces: [app.namespace],
        labelSelectors: [partOfSelector],
      });
      expect(backup.ended.phase, backup.ended.result?.errors.join('\n')).toBe('Completed');
      expect(backup.ended.result).toMatchObject({ errors: [], warnings: [] });
      const counts = Object.fromEntries(backup.ended.result?.countsByKind.map((c) => [c.resource, c.count]) ?? []);
      // Exactly the labelled objects (the unlabelled ConfigMap, Secret and Widget are not among them), the
      // cluster-scoped ones they need, the StatefulSet's claims, and what the controllers derived.
      expect(counts).toMatchObject(selectedCounts(app));
      for (const type of derivedTypes) expect(counts[type], type).toBeGreaterThan(0);

      const restore = await user.restore({
        backupId: backup.id,
        targetClusterId: clusterIds.b,
        namespaceMapping: [{ from: app.namespace, to: target }],
      });
      // Soft: a failed item is a product bug, and every other object is still compared to show the whole picture.
      expect.soft(restore.ended.phase, restore.ended.result?.errors.join('\n')).toBe('Completed');
      const failed = restore.items.filter((i) => i.result === 'failed');
      expect.soft(failed).toEqual([]);
      const restoredKeys = [
        ...app.selected.map((o) => itemKey(o.type, o.namespaced ? target : null, o.manifest.kind === 'Namespace' ? target : o.manifest.metadata.name)),
        ...statefulSetClaims.map((name) => itemKey('persistentvolumeclaims', target, name)),
      ];
      const createdItems = restore.items.filter((i) => i.result === 'created');
      const createdKeys = [...createdItems, ...failed].map((i) => itemKey(i.type, i.namespace, i.name));
      expect(createdKeys.sort()).toEqual(restoredKeys.sort());
      // What a's controllers derived is skipped, every kind of it, and nothing else is.
      const skipped = restore.items.filter((i) => i.result === 'skipped');
      for (const item of skipped) expect(item.reason, `${item.type} ${item.name}`).toMatch(derivedReason);
      expect(new Set(skipped.map((i) => i.type))).toEqual(new Set(derivedTypes));
      expect(restore.ended.result?.warnings).toHaveLength(skipped.length);
      for (const warning of restore.ended.result?.warnings ?? []) expect(warning).toMatch(/^skipped /);
      // The final progress counts every item handled, skipped ones too, not only those written.
      expect(restore.ended.progress).toEqual({ itemsDone: restore.items.length, itemsTotal: restore.items.length });
      // Each count names its resource type and its kind.
      expect(restore.ended.result?.countsByKind).toContainEqual({ resource: 'configmaps', kind: 'ConfigMap', count: expect.any(Number) });

      await settledInTarget(kubeB, app, target);
      const trip: RoundTrip = { source: app.namespace, target, backupId: backup.id, restoreId: restore.id };
      const compared = [...app.selected, ...statefulSetClaims.map((name) => claimObject(app, name))];
      for (const object of compared) {
        const name = object.manifest.metadata.name;
        if (failed.some((i) => i.type === object.type && i.name === name)) continue;
        const original = await kubeA.get<Manifest>(pathOf(object, app.namespace, name));
        const restoredName = object.manifest.kind === 'Namespace' ? target : name;
        const restored = await kubeB.get<Manifest>(pathOf(object, target, restoredName));
        const uid = restored.metadata.uid as string;
        expect(withoutTargetAssignments(restored, uid), `${object.type} ${name}`).toEqual(expectedRestored(original, trip));
        expect(uid, `the uid the restore recorded for ${object.type} ${name}`).toBe(
          createdItems.find((i) => itemKey(i.type, i.namespace, i.name) === itemKey(object.type, object.namespaced ? target : null, restoredName))?.uid,
        );
      }

      for (const object of app.unselected) {
        const name = object.manifest.metadata.name;
        const status = await kubeB.get(pathOf(object, target, name)).then(() => 200, kubeStatusOf);
        expect(status, `${object.type} ${name} is not selected and must not be restored`).toBe(404);
      }
    }, 420_000);
  }

  /**
   * Waits until b's controllers have done with the restored objects what a's did with the originals: the
   * claim bound to its restored PV, the Deployment rolled out (its revision annotation set), the StatefulSet's
   * and the Deployment's pods recreated — the StatefulSet's on the claims the restore brought back.
   */
  async function settledInTarget(kube: KubeWriter, app: RealisticApplication, target: string): Promise<void> {
    await waitFor(async () => (await claim(kube, target)).status?.phase === 'Bound', { what: `the PVC shop-uploads in ${target} to bind` });
    expect((await claim(kube, target)).spec.volumeName).toBe(app.pv);
    await waitFor(
      async () => {
        const deployment = await kube.get<Manifest>(`/apis/apps/v1/namespaces/${target}/deployments/shop-web`);
        return deployment.metadata.annotations?.['deployment.kubernetes.io/revision'] !== undefined;
      },
      { what: `the Deployment shop-web in ${target} to roll out` },
    );
    for (const [workload, owner] of [['shop-web', 'ReplicaSet'], ['shop-db', 'StatefulSet']] as const) {
      const pods = await waitFor(async () => {
        const list = await podsOf(kube, target, workload);
        return list.items.length === 2 ? list : undefined;
      }, { what: `b's controllers to recreate the pods of ${workload}` });
      for (const pod of pods.items) expect(pod.metadata.ownerReferences?.[0]?.kind).toBe(owner);
      if (workload === 'shop-db') {
        const claims = pods.items.flatMap((p) => (p.spec.volumes ?? []).flatMap((v) => v.persistentVolumeClaim?.claimName ?? [])).sort();
        expect(claims).toEqual(statefulSetClaims);
      }
    }
  }
});

/** The backup's expected count of every type the application selects, the StatefulSet's claims included. */
function selectedCounts(app: RealisticApplication): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const object of app.selected) counts[object.type] = (counts[object.type] ?? 0) + 1;
  counts.persistentvolumeclaims = (counts.persistentvolumeclaims ?? 0) + statefulSetClaims.length;
  return counts;
}

/** A claim the StatefulSet's controller made, addressed like the application's own objects. */
function claimObject(app: RealisticApplication, name: string): AppObject {
  return {
    type: 'persistentvolumeclaims',
    resource: 'persistentvolumeclaims',
    namespaced: true,
    manifest: { apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: { name, namespace: app.namespace } },
  };
}

function itemKey(type: string, namespace: string | null, name: string): string {
  return `${type} ${namespace ?? '-'}/${name}`;
}
