import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { KubeConfig } from '@kubernetes/client-node';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { parseBackupSpec } from '#schema/contracts/BackupSpec';
import { parseRestoreSpec } from '#schema/contracts/RestoreSpec';
import { runBackup } from '../../../agent/src/backup/runBackup.ts';
import { KubeWriter } from '../../../agent/src/kube/KubeWriter.ts';
import type { KubeObject } from '../../../agent/src/restore/KubeObject.ts';
import { runRestore } from '../../../agent/src/restore/runRestore.ts';
import { openObjectStore } from '../../../agent/src/storage/openObjectStore.ts';
import type { ClusterInfo } from '../../world/WorldInfo.ts';
import { recordingContext } from '../backup/recordingContext.ts';

// Services restored from cluster a into cluster b: a node port the user set comes back as it was, one that a
// allocated is left for b to allocate, and an ExternalName Service comes back unchanged.
const world = inject('world');
const a = world.clusters.find((c) => c.name === 'a');
const b = world.clusters.find((c) => c.name === 'b');
const run = Date.now().toString(36);
const app = { app: 'ports' };
// A port of the default node-port range that this run alone uses.
const chosenNodePort = 30000 + (Date.now() % 2700);

function writerFor(info: ClusterInfo): KubeWriter {
  const config = new KubeConfig();
  config.loadFromFile(info.kubeconfigPath);
  return KubeWriter.of(config);
}

type Port = { name: string; port: number; nodePort?: number };
/** The ports whose `nodePort` a manager of `service` owns, by name. */
function managedNodePorts(service: KubeObject): string[] {
  const entries = (service.metadata.managedFields ?? []) as { fieldsV1?: { 'f:spec'?: { 'f:ports'?: object } } }[];
  return entries.flatMap((entry) =>
    Object.entries(entry.fieldsV1?.['f:spec']?.['f:ports'] ?? {})
      .filter(([, fields]) => 'f:nodePort' in (fields as object))
      .map(([key]) => key),
  );
}

describe.skipIf(!a || !b)('restoring Services from cluster a to cluster b', () => {
  const source = `ports-src-${run}`;
  const target = `ports-dst-${run}`;
  let kubeA: KubeWriter;
  let kubeB: KubeWriter;
  let work: string | undefined;

  afterAll(async () => {
    const ignore = () => undefined;
    await kubeA?.send('DELETE', `/api/v1/namespaces/${source}`).catch(ignore);
    await kubeB?.send('DELETE', `/api/v1/namespaces/${target}`).catch(ignore);
    if (work) await rm(work, { recursive: true, force: true });
  });

  it('keeps the node port a user set, lets the target allocate the others, and leaves ExternalName alone', async () => {
    kubeA = writerFor(a as ClusterInfo);
    kubeB = writerFor(b as ClusterInfo);
    await kubeA.send('POST', '/api/v1/namespaces', { apiVersion: 'v1', kind: 'Namespace', metadata: { name: source } });
    const services = `/api/v1/namespaces/${source}/services`;
    const ports: Port[] = [{ name: 'chosen', port: 80, nodePort: chosenNodePort }, { name: 'allocated', port: 81 }];
    const original = await kubeA.send<KubeObject>('POST', services, {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'web', labels: app },
      spec: { type: 'NodePort', selector: app, ports },
    });
    const allocated = (original.spec as { ports: Port[] }).ports.find((p) => p.name === 'allocated')?.nodePort;
    expect(allocated).toBeTypeOf('number');
    const alias = await kubeA.send<KubeObject>('POST', services, {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'db', labels: app },
      spec: { type: 'ExternalName', externalName: 'db.example.com', ports: [{ name: 'pg', port: 5432 }] },
    });

    work = await mkdtemp(join(tmpdir(), 'ports-'));
    const location = { kind: 'filesystem' as const, path: work, prefix: `loc-${run}` };
    const store = openObjectStore(location);
    const spec = parseBackupSpec({ version: 1, clusterId: 'a', locationId: 'loc', includeNamespaces: [source], labelSelectors: ['app=ports'] });
    const backup = { id: `b-ports-${run}`, name: 'ports', spec };
    expect((await runBackup({ kind: 'backup', backup, location }, { kube: kubeA, store }, recordingContext().ctx)).errors).toEqual([]);
    const restore = { id: `r-ports-${run}`, spec: parseRestoreSpec({ version: 1, backupId: backup.id, targetClusterId: 'b', namespaceMapping: { [source]: target } }) };
    const payload = { kind: 'restore' as const, restore, backup: { id: backup.id, name: 'ports' }, location };
    const outcome = await runRestore(payload, { kube: kubeB, store }, recordingContext().ctx);
    expect(outcome.errors).toEqual([]);

    const web = await kubeB.get<KubeObject>(`/api/v1/namespaces/${target}/services/web`);
    const restoredPorts = (web.spec as { ports: Port[] }).ports;
    expect(restoredPorts.find((p) => p.name === 'chosen')?.nodePort).toBe(chosenNodePort);
    expect(restoredPorts.find((p) => p.name === 'allocated')?.nodePort).toBeTypeOf('number');
    // The restore sent only the chosen port's nodePort: b's managed fields own no other, so b allocated it.
    expect(managedNodePorts(web)).toEqual(['k:{"port":80,"protocol":"TCP"}']);
    const restoredAlias = await kubeB.get<KubeObject>(`/api/v1/namespaces/${target}/services/db`);
    expect(restoredAlias.spec).toEqual(alias.spec);
  });
});
