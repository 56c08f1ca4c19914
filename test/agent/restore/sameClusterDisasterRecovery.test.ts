import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { KubeConfig } from '@kubernetes/client-node';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { isNotFound } from '../../../agent/src/kube/KubeJsonClient.ts';
import { KubeWriter } from '../../../agent/src/kube/KubeWriter.ts';
import { startTestAgent, type TestAgent } from '../../kit/startTestAgent.ts';
import { startTestHub, type TestHub } from '../../kit/startTestHub.ts';
import { waitFor } from '../../world/waitFor.ts';
import { HubUser } from './realisticApplicationHub.ts';

// A StatefulSet whose claim is bound to a static `Retain` PersistentVolume, backed up through a real hub and
// agent. A second copy restored beside it in the same cluster cannot have the volume, which serves the original:
// its claim fails with the reason. Then the namespace is deleted (the volume survives, Released, still naming
// the deleted claim's uid) and restored into the same cluster: the claim binds to the original volume and the
// StatefulSet's pod runs on it.
const world = inject('world');
const a = world.clusters.find((c) => c.name === 'a' && c.controllerManager && c.scheduler);
const run = Date.now().toString(36);
const namespace = `dr-${run}`;
const copy = `${namespace}-copy`;
const volumeName = `dr-${run}-data`;
/** A class no StorageClass object defines: the claim binds at once to the one volume of that class. */
const storageClass = `dr-${run}`;
const claimName = 'data-db-0';
const labels = { 'app.kubernetes.io/name': 'db', 'app.kubernetes.io/part-of': namespace };

interface Claim {
  metadata: { uid: string };
  spec: { volumeName?: string };
  status?: { phase?: string };
}
interface Volume {
  spec: { claimRef?: { namespace?: string; name?: string; uid?: string } };
  status?: { phase?: string };
}
interface Pod {
  spec: { volumes?: { persistentVolumeClaim?: { claimName: string } }[] };
  status?: { phase?: string };
}

let hub: TestHub;
let user: HubUser;
let agent: TestAgent | undefined;
const filesystemPath = mkdtempSync(join(tmpdir(), 'fleetback-dr-'));

describe.skipIf(!a)('disaster recovery into the same cluster', () => {
  const kube = a ? writerFor(a.kubeconfigPath) : (undefined as never);
  let tenantId = '';
  let clusterId = '';
  let locationId = '';
  let backupId = '';

  beforeAll(async () => {
    hub = await startTestHub({ database: 'sqlite', world });
    user = new HubUser(hub, () => (agent ? [agent] : []));
    tenantId = (await user.gql<{ createTenant: { id: string } }>('mutation { createTenant(input: { name: "dr" }) { id } }'))
      .createTenant.id;
    const { registerCluster } = await user.gql<{ registerCluster: { cluster: { id: string }; enrollmentToken: string } }>(
      'mutation($t: ID!) { registerCluster(input: { tenantId: $t, name: "a" }) { cluster { id } enrollmentToken } }',
      { t: tenantId },
    );
    clusterId = registerCluster.cluster.id;
    agent = startTestAgent({
      hubUrl: hub.url,
      kubeconfigPath: (a as { kubeconfigPath: string }).kubeconfigPath,
      logDir: world.logDir,
      name: 'dr-a',
      enrollmentToken: registerCluster.enrollmentToken,
    });
    locationId = await user.createLocation(world, tenantId, 'filesystem', `dr-${run}`, [clusterId], filesystemPath);
    await createApplication(kube);
    const backup = await user.backup({ clusterId, locationId, includeNamespaces: [namespace] });
    expect(backup.ended.phase, backup.ended.result?.errors.join('\n')).toBe('Completed');
    backupId = backup.id;
  });

  afterAll(async () => {
    await agent?.kill();
    for (const name of [namespace, copy]) await kube.send('DELETE', `/api/v1/namespaces/${name}`).catch(() => undefined);
    await kube.send('DELETE', `/api/v1/persistentvolumes/${volumeName}`).catch(() => undefined);
    await hub?.stop();
    rmSync(filesystemPath, { recursive: true, force: true });
  });

  it('refuses the claim of a second copy in the same cluster, whose volume serves the original', async () => {
    const before = await kube.get<Volume>(`/api/v1/persistentvolumes/${volumeName}`);
    const restore = await user.restore({ backupId, targetClusterId: clusterId, namespaceMapping: [{ from: namespace, to: copy }] });
    expect(restore.ended.phase).toBe('PartiallyFailed');
    const failed = restore.items.filter((i) => i.result === 'failed');
    expect(failed.map((i) => `${i.type} ${i.namespace}/${i.name}`)).toEqual([`persistentvolumeclaims ${copy}/${claimName}`]);
    expect(failed[0]?.error).toMatch(
      new RegExp(`^PersistentVolume ${volumeName} is bound to claim ${namespace}/${claimName} in the target, and a volume serves one claim: restore the claim without its PersistentVolume`),
    );
    expect(restore.ended.result?.errors.join('\n')).toContain(claimName);
    const after = await kube.get<Volume>(`/api/v1/persistentvolumes/${volumeName}`);
    expect(after.spec.claimRef).toEqual(before.spec.claimRef);
    expect(after.status?.phase).toBe('Bound');
    await kube.send('DELETE', `/api/v1/namespaces/${copy}`);
  });

  it('binds the restored claim to the surviving Released volume, and the StatefulSet pod runs on it', async () => {
    const original = await kube.get<Claim>(claimPath(namespace));
    await kube.send('DELETE', `/api/v1/namespaces/${namespace}`);
    await waitFor(() => kube.get(`/api/v1/namespaces/${namespace}`).then(() => false, (e: unknown) => isNotFound(e)), {
      what: `namespace ${namespace} to be deleted`,
      timeoutMs: 120_000,
    });
    const released = await waitFor(async () => {
      const volume = await kube.get<Volume>(`/api/v1/persistentvolumes/${volumeName}`);
      return volume.status?.phase === 'Released' ? volume : undefined;
    }, { what: `PersistentVolume ${volumeName} to be Released` });
    expect(released.spec.claimRef?.uid).toBe(original.metadata.uid);

    const restore = await user.restore({ backupId, targetClusterId: clusterId });
    expect(restore.ended.phase, restore.ended.result?.errors.join('\n')).toBe('Completed');
    expect(restore.items.filter((i) => i.result === 'failed')).toEqual([]);
    const restoredClaim = restore.items.find((i) => i.type === 'persistentvolumeclaims' && i.name === claimName);
    expect(restoredClaim).toMatchObject({ namespace, result: 'created' });

    const bound = await waitFor(async () => {
      const claim = await kube.get<Claim>(claimPath(namespace));
      return claim.status?.phase === 'Bound' ? claim : undefined;
    }, { what: `the restored claim ${claimName} to bind` });
    expect(bound.spec.volumeName).toBe(volumeName);
    expect(bound.metadata.uid).toBe(restoredClaim?.uid);
    const volume = await kube.get<Volume>(`/api/v1/persistentvolumes/${volumeName}`);
    expect(volume.spec.claimRef).toMatchObject({ namespace, name: claimName, uid: bound.metadata.uid });
    const pod = await waitFor(async () => {
      const found = await kube.get<Pod>(`/api/v1/namespaces/${namespace}/pods/db-0`);
      return found.status?.phase === 'Running' ? found : undefined;
    }, { what: 'the StatefulSet pod db-0 to run' });
    expect(pod.spec.volumes?.flatMap((v) => v.persistentVolumeClaim?.claimName ?? [])).toEqual([claimName]);
  });
});

function writerFor(kubeconfigPath: string): KubeWriter {
  const config = new KubeConfig();
  config.loadFromFile(kubeconfigPath);
  return KubeWriter.of(config);
}

function claimPath(ns: string): string {
  return `/api/v1/namespaces/${ns}/persistentvolumeclaims/${claimName}`;
}

/** The namespace, the static volume, and a one-replica StatefulSet whose claim the cluster binds to it. */
async function createApplication(kube: KubeWriter): Promise<void> {
  await kube.send('POST', '/api/v1/namespaces', { apiVersion: 'v1', kind: 'Namespace', metadata: { name: namespace } });
  await kube.send('POST', '/api/v1/persistentvolumes', {
    apiVersion: 'v1',
    kind: 'PersistentVolume',
    metadata: { name: volumeName, labels },
    spec: {
      capacity: { storage: '1Gi' },
      accessModes: ['ReadWriteOnce'],
      persistentVolumeReclaimPolicy: 'Retain',
      storageClassName: storageClass,
      hostPath: { path: `/var/lib/dr/${run}`, type: 'DirectoryOrCreate' },
    },
  });
  await kube.send('POST', `/apis/apps/v1/namespaces/${namespace}/statefulsets`, {
    apiVersion: 'apps/v1',
    kind: 'StatefulSet',
    metadata: { name: 'db', labels },
    spec: {
      serviceName: 'db',
      replicas: 1,
      selector: { matchLabels: labels },
      template: {
        metadata: { labels },
        spec: {
          containers: [{ name: 'db', image: 'registry.example.com/db:1', volumeMounts: [{ name: 'data', mountPath: '/data' }] }],
        },
      },
      volumeClaimTemplates: [
        {
          metadata: { name: 'data' },
          spec: { accessModes: ['ReadWriteOnce'], storageClassName: storageClass, resources: { requests: { storage: '1Gi' } } },
        },
      ],
    },
  });
  await waitFor(async () => (await kube.get<Claim>(claimPath(namespace))).status?.phase === 'Bound', {
    what: `the claim ${claimName} to bind to ${volumeName}`,
  });
  await waitFor(async () => (await kube.get<Pod>(`/api/v1/namespaces/${namespace}/pods/db-0`)).status?.phase === 'Running', {
    what: 'the StatefulSet pod db-0 to run',
  });
}
