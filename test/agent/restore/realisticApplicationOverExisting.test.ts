import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { KubeConfig } from '@kubernetes/client-node';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { KubeWriter } from '../../../agent/src/kube/KubeWriter.ts';
import { startTestAgent, type TestAgent } from '../../kit/startTestAgent.ts';
import { startTestHub, type TestHub } from '../../kit/startTestHub.ts';
import { waitFor } from '../../world/waitFor.ts';
import type { ClusterInfo } from '../../world/WorldInfo.ts';
import { type Manifest, partOfSelector, realisticApplication } from './realisticApplication.ts';
import { claim, createRealisticApplication, removeRealisticApplication } from './realisticApplicationCluster.ts';
import { HubUser, type RestoreItem } from './realisticApplicationHub.ts';

// The realistic application restored from cluster a into cluster b, then restored again over itself through the
// hub with `replace` and with `update`, each after a dry run: the dry run's items are the real run's, item by
// item; `replace` deletes neither the CRD (another namespace's custom object of that type survives) nor a bound
// volume (the static PV and its claim; the StatefulSet's claims too once bound, which the world's storage class
// without a provisioner never does); `update` ends Completed over the Job.
const world = inject('world');
const a = world.clusters.find((c) => c.name === 'a');
const b = world.clusters.find((c) => c.name === 'b');
const run = Date.now().toString(36);
const statefulSetClaims = ['data-shop-db-0', 'data-shop-db-1'];

function writerFor(info: ClusterInfo): KubeWriter {
  const config = new KubeConfig();
  config.loadFromFile(info.kubeconfigPath);
  return KubeWriter.of(config);
}

/** What an item says, without the uid a dry run cannot know. */
const decision = ({ type, namespace, name, result, reason, error }: RestoreItem) => ({ type, namespace, name, result, reason, error });

describe.skipIf(!a || !b)('the realistic application restored over itself', () => {
  const kubeA = a ? writerFor(a) : (undefined as never);
  const kubeB = b ? writerFor(b) : (undefined as never);
  const app = realisticApplication(`ov-${run}`, 30_100 + (Number.parseInt(run.slice(-3), 36) % 20));
  const target = `${app.namespace}-copy`;
  const bystanders = `${app.namespace}-others`;
  const filesystemPath = mkdtempSync(join(tmpdir(), 'fleetback-over-existing-'));
  const agents: TestAgent[] = [];
  let hub: TestHub;
  let user: HubUser;
  let backupId: string;
  let targetClusterId: string;
  let hubUrl: string;

  /** A dry run, then the real run, of the same restore; both ended, with their items. */
  const dryThenReal = async (existingResourcePolicy: string) => {
    const input = { backupId, targetClusterId, namespaceMapping: [{ from: app.namespace, to: target }], existingResourcePolicy };
    const dry = await user.restore({ ...input, dryRun: true });
    const real = await user.restore(input);
    return { dry, real };
  };
  const itemOf = (items: RestoreItem[], type: string, name: string) => items.find((i) => i.type === type && i.name === name);
  const uidOf = async (path: string) => (await kubeB.get<Manifest>(path)).metadata.uid;

  beforeAll(async () => {
    hub = await startTestHub({ database: 'sqlite', world });
    hubUrl = hub.url;
    user = new HubUser(hub, () => agents);
    const tenantId = (await user.gql<{ createTenant: { id: string } }>('mutation { createTenant(input: { name: "over" }) { id } }')).createTenant.id;
    const clusterIds: string[] = [];
    for (const [name, info] of [['a', a], ['b', b]] as const) {
      const { registerCluster } = await user.gql<{ registerCluster: { cluster: { id: string }; enrollmentToken: string } }>(
        'mutation($t: ID!, $n: String!) { registerCluster(input: { tenantId: $t, name: $n }) { cluster { id } enrollmentToken } }',
        { t: tenantId, n: name },
      );
      clusterIds.push(registerCluster.cluster.id);
      agents.push(startTestAgent({
        hubUrl: hub.url,
        kubeconfigPath: (info as ClusterInfo).kubeconfigPath,
        logDir: world.logDir,
        name: `over-${name}`,
        enrollmentToken: registerCluster.enrollmentToken,
      }));
    }
    targetClusterId = clusterIds[1] as string;
    await createRealisticApplication(kubeA, app);
    const locationId = await user.createLocation(world, tenantId, 'filesystem', `over-${run}`, clusterIds, filesystemPath);
    const backup = await user.backup({ clusterId: clusterIds[0], locationId, includeNamespaces: [app.namespace], labelSelectors: [partOfSelector] });
    expect(backup.ended.phase, backup.ended.result?.errors.join('\n')).toBe('Completed');
    backupId = backup.id;
    const first = await user.restore({ backupId, targetClusterId, namespaceMapping: [{ from: app.namespace, to: target }] });
    expect(first.ended.phase, first.ended.result?.errors.join('\n')).toBe('Completed');
    await waitFor(async () => (await claim(kubeB, target)).status?.phase === 'Bound', { what: `the claim in ${target} to bind` });
    // Another team's Widget, in a namespace no restore names.
    await kubeB.send('POST', '/api/v1/namespaces', { apiVersion: 'v1', kind: 'Namespace', metadata: { name: bystanders } });
    await kubeB.send('POST', `/apis/${app.crd.group}/v1/namespaces/${bystanders}/widgets`, {
      apiVersion: `${app.crd.group}/v1`, kind: 'Widget', metadata: { name: 'theirs' }, spec: { size: 7 },
    });
  }, 600_000);

  afterAll(async () => {
    for (const agent of agents) await agent.kill();
    await removeRealisticApplication(kubeA, app, [app.namespace]);
    await removeRealisticApplication(kubeB, app, [target, bystanders, `${target}-redo`]);
    await hub?.stop();
    rmSync(filesystemPath, { recursive: true, force: true });
  });

  it('replace keeps the CRD and the bound PV and claims, as its dry run said', async () => {
    const bound: string[] = [];
    for (const name of ['shop-uploads', ...statefulSetClaims]) {
      const path = `/api/v1/namespaces/${target}/persistentvolumeclaims/${name}`;
      if ((await kubeB.get<{ status?: { phase?: string } }>(path)).status?.phase === 'Bound') bound.push(name);
    }
    expect(bound).toContain('shop-uploads');
    const claimPaths = bound.map((name) => `/api/v1/namespaces/${target}/persistentvolumeclaims/${name}`);
    const before = await Promise.all([`/apis/apiextensions.k8s.io/v1/customresourcedefinitions/${app.crd.name}`, `/api/v1/persistentvolumes/${app.pv}`, ...claimPaths].map(uidOf));

    const { dry, real } = await dryThenReal('replace');
    expect(real.ended.phase, real.ended.result?.errors.join('\n')).toBe('Completed');
    expect(real.items.map(decision)).toEqual(dry.items.map(decision));

    const crd = itemOf(real.items, 'customresourcedefinitions.apiextensions.k8s.io', app.crd.name);
    expect(crd).toMatchObject({ result: 'updated', reason: expect.stringMatching(/^a cluster-scoped object is never deleted by a restore/) });
    const after = await Promise.all([`/apis/apiextensions.k8s.io/v1/customresourcedefinitions/${app.crd.name}`, `/api/v1/persistentvolumes/${app.pv}`, ...claimPaths].map(uidOf));
    expect(after).toEqual(before);
    const theirs = await kubeB.get<Manifest>(`/apis/${app.crd.group}/v1/namespaces/${bystanders}/widgets/theirs`);
    expect(theirs.spec).toEqual({ size: 7 });
    for (const [type, name] of [['persistentvolumes', app.pv], ...bound.map((n) => ['persistentvolumeclaims', n])]) {
      expect(itemOf(real.items, type as string, name as string), `${type} ${name}`).toMatchObject({
        result: 'skipped',
        reason: 'a bound volume is never replaced; delete it yourself first if you mean to lose its data',
      });
    }
    expect((await claim(kubeB, target)).status?.phase).toBe('Bound');
    // A claim not bound is kept too: the StatefulSet's pods may use it, and its controller would recreate it.
    for (const name of statefulSetClaims.filter((n) => !bound.includes(n))) {
      expect(itemOf(real.items, 'persistentvolumeclaims', name), name).toMatchObject({ result: 'skipped', reason: expect.stringMatching(/^a claim is never replaced/) });
    }
  });

  it('update ends Completed, the Job skipped with the reason, as its dry run said', async () => {
    const { dry, real } = await dryThenReal('update');
    expect(real.ended.phase, real.ended.result?.errors.join('\n')).toBe('Completed');
    expect(real.items.map(decision)).toEqual(dry.items.map(decision));
    expect(itemOf(real.items, 'jobs.batch', 'shop-migrate')).toMatchObject({
      result: 'skipped',
      reason: expect.stringMatching(/^a Job's selector and pod template cannot change once created/),
    });
    // Every object the first restore created is updated in place, its uid the one it had.
    const deployment = itemOf(real.items, 'deployments.apps', 'shop-web');
    expect(deployment).toMatchObject({ result: 'updated', uid: await uidOf(`/apis/apps/v1/namespaces/${target}/deployments/shop-web`) });
  });

  it("records, when its agent was killed mid-restore and the job offered again, what the first attempt created as created with its uid", async () => {
    const redo = `${target}-redo`;
    // A second copy in cluster b: without the PV and the Service, whose chosen node port the first copy holds.
    const excludeResources = ['persistentvolumes', 'services', 'endpoints', 'endpointslices.discovery.k8s.io'];
    const { createRestore } = await user.gql<{ createRestore: { id: string } }>(
      'mutation($input: CreateRestoreInput!) { createRestore(input: $input) { id } }',
      { input: { backupId, targetClusterId, namespaceMapping: [{ from: app.namespace, to: redo }], excludeResources } },
    );
    // The namespace comes first in the restore order: once it is there, the agent is mid-restore.
    await waitFor(() => kubeB.get(`/api/v1/namespaces/${redo}`).then(() => true, () => false), { what: `the restore to create ${redo}`, intervalMs: 20 });
    const killed = agents[1] as TestAgent;
    await killed.kill();
    const firstAttempt = await kubeB.get<{ items: Manifest[] }>(`/api/v1/namespaces/${redo}/configmaps`, {
      labelSelector: `fleetback.io/restore=${createRestore.id}`,
    });
    agents[1] = startTestAgent({ hubUrl, kubeconfigPath: (b as ClusterInfo).kubeconfigPath, logDir: world.logDir, name: 'over-b-again', credentialFile: killed.credentialFile });

    const ended = await user.until('the redone restore to end', ['Completed', 'PartiallyFailed', 'Failed'], async () =>
      (await user.gql<{ restore: { phase: string; result: { errors: string[] } | null } }>(
        'query($id: ID!) { restore(id: $id) { phase result { errors } } }',
        { id: createRestore.id },
      )).restore,
    );
    expect(ended.phase, ended.result?.errors.join('\n')).toBe('Completed');
    const { restore } = await user.gql<{ restore: { items: { edges: { node: RestoreItem }[] } } }>(
      'query($id: ID!) { restore(id: $id) { items(first: 500) { edges { node { type namespace name result reason error uid } } } } }',
      { id: createRestore.id },
    );
    const items = restore.items.edges.map((e) => e.node);
    // The cluster-scoped objects exist in b from the first copy; nothing in the new namespace existed before this restore.
    expect(items.filter((i) => i.namespace === redo && i.reason?.startsWith('it exists in the target'))).toEqual([]);
    const namespaceUid = await uidOf(`/api/v1/namespaces/${redo}`);
    expect(itemOf(items, 'namespaces', redo)).toMatchObject({ result: 'created', uid: namespaceUid });
    for (const configMap of firstAttempt.items) {
      expect(itemOf(items, 'configmaps', configMap.metadata.name)).toMatchObject({ result: 'created', uid: configMap.metadata.uid });
    }
    expect(items.some((i) => i.reason === 'created by an earlier attempt of this restore')).toBe(true);
  });
});
