import { ApiException } from '@kubernetes/client-node';
import { describe, expect, it } from 'vitest';
import { parseRestoreSpec } from '#schema/contracts/RestoreSpec';
import type { IndexEntry } from '../backup/IndexEntry.ts';
import type { KubeWrite } from '../kube/KubeWriter.ts';
import { applyPlan } from './applyPlan.ts';
import type { ItemOutcome } from './ItemOutcome.ts';
import type { KubeObject } from './KubeObject.ts';
import { planRestore } from './planRestore.ts';
import type { RestorePlanItem } from './RestorePlanItem.ts';

const entry = (resource: string, kind: string, namespace: string | null, name: string): IndexEntry => ({
  path: `resources/core/v1/${resource}/${namespace ?? '_cluster'}/${name}.json`, group: '', version: 'v1', kind,
  resource, namespace, name, labels: {}, size: 0, sha256: '',
});
const entries = [
  entry('configmaps', 'ConfigMap', 'shop', 'a'),
  entry('configmaps', 'ConfigMap', 'shop', 'b'),
  entry('services', 'Service', 'shop', 'web'),
  entry('endpoints', 'Endpoints', 'shop', 'web'),
];

/**
 * A cluster where every namespace exists, which holds `objects` by API path, and where every create of a name
 * it does not hold succeeds (one it holds is refused with 409, as the API server does); `events` records loads
 * and writes in order.
 */
function fakeCluster(events: string[], objects = new Map<string, KubeObject>()): KubeWrite {
  return {
    get: <T>(path: string) => {
      if (/^\/api\/v1\/namespaces\/[^/]+$/.test(path)) return Promise.resolve({ metadata: { name: 'exists' } } as T);
      const object = objects.get(path);
      return object ? Promise.resolve(structuredClone(object) as T) : Promise.reject(new ApiException(404, 'Not Found', '{}', {}));
    },
    send: <T>(method: string, path: string, body?: unknown) => {
      const object = body as KubeObject;
      events.push(`${method} ${object.metadata.namespace}/${object.metadata.name}`);
      if (method === 'POST' && objects.has(`${path}/${object.metadata.name}`)) {
        return Promise.reject(new ApiException(409, 'AlreadyExists', '{}', {}));
      }
      // An update keeps the target's uid; a server-side dry run changes nothing.
      const uid = objects.get(path.replace(/\?.*$/, ''))?.metadata.uid ?? `uid-${object.metadata.name}`;
      if (method === 'PUT' && !path.endsWith('?dryRun=All')) objects.set(path, object);
      return Promise.resolve({ metadata: { uid } } as T);
    },
  };
}

/** Loads what the archive would hold for an item (a Service with a selector), recording each load. */
const loader = (events: string[], fail?: string) => (item: RestorePlanItem) => {
  events.push(`load ${item.type} ${item.name}`);
  if (item.name === fail) return Promise.reject(new Error('ENOENT: no such file'));
  const spec = item.type === 'services' ? { selector: { app: 'web' } } : undefined;
  return Promise.resolve<KubeObject>({
    apiVersion: 'v1', kind: item.entry.kind, metadata: { name: item.name, namespace: item.targetNamespace ?? undefined }, spec,
  });
};

describe('applyPlan', () => {
  const spec = parseRestoreSpec({ version: 1, backupId: 'b', targetClusterId: 'c', namespaceMapping: { shop: 'copy' } });
  const plan = planRestore(entries, spec);
  const apply = (events: string[], fail?: string, options: { objects?: Map<string, KubeObject>; policy?: 'update'; dryRun?: boolean } = {}) => {
    const done: [number, ItemOutcome][] = [];
    const withPolicy = { ...spec, existingResourcePolicy: options.policy ?? spec.existingResourcePolicy };
    const outcomes = applyPlan(fakeCluster(events, options.objects), plan, {
      spec: withPolicy, backupId: 'b', restoreId: 'r', signal: new AbortController().signal, dryRun: options.dryRun,
      load: loader(events, fail),
      onItem: (n, outcome) => done.push([n, outcome]),
    });
    return { outcomes, done };
  };

  it('loads each object only when it comes to it, in plan order, one at a time', async () => {
    const events: string[] = [];
    const { outcomes, done } = apply(events);
    expect((await outcomes).map((o) => o.result)).toEqual(['created', 'created', 'created', 'skipped']);
    expect(events).toEqual([
      'load configmaps a',
      'POST copy/a',
      'load configmaps b',
      'POST copy/b',
      'load services web',
      'POST copy/web',
      // The Endpoints' action reads the planned Service to see its selector.
      'load endpoints web',
      'load services web',
    ]);
    expect(done.map(([n]) => n)).toEqual([1, 2, 3, 4]);
  });

  it('fails an item whose object cannot be loaded, and carries on with the next', async () => {
    const events: string[] = [];
    const outcomes = await apply(events, 'a').outcomes;
    expect(outcomes[0]).toEqual({
      type: 'configmaps', namespace: 'copy', name: 'a', result: 'failed', error: 'preparing it failed: ENOENT: no such file',
    });
    expect(outcomes.slice(1).map((o) => o.result)).toEqual(['created', 'created', 'skipped']);
  });

  const existing = (name: string, labels?: Record<string, string>): [string, KubeObject] => [
    `/api/v1/namespaces/copy/configmaps/${name}`,
    { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, namespace: 'copy', uid: `target-${name}`, resourceVersion: '7', labels } },
  ];

  it('does not give an object it updates, which existed before the restore, the restore labels', async () => {
    const objects = new Map([existing('a', { team: 'theirs' }), existing('b', { 'fleetback.io/restore': 'earlier', 'fleetback.io/backup': 'old' })]);
    const outcomes = await apply([], undefined, { objects, policy: 'update' }).outcomes;
    expect(outcomes.slice(0, 2)).toEqual([
      { type: 'configmaps', namespace: 'copy', name: 'a', result: 'updated', uid: 'target-a' },
      { type: 'configmaps', namespace: 'copy', name: 'b', result: 'updated', uid: 'target-b' },
    ]);
    // The backup's labels replace the target's, but the restore's own labels are the target's, or none.
    expect(objects.get(existing('a')[0])?.metadata.labels).toBeUndefined();
    expect(objects.get(existing('b')[0])?.metadata.labels).toEqual({ 'fleetback.io/restore': 'earlier', 'fleetback.io/backup': 'old' });
    expect(outcomes[2]).toMatchObject({ name: 'web', result: 'created' });
    expect(objects.get('/api/v1/namespaces/copy/configmaps/web')).toBeUndefined();
  });

  it('records what an earlier attempt of the same restore created as created, with its uid, and writes nothing to it', async () => {
    const events: string[] = [];
    const objects = new Map([existing('a', { 'fleetback.io/restore': 'r' })]);
    const outcomes = await apply(events, undefined, { objects }).outcomes;
    expect(outcomes[0]).toEqual({
      type: 'configmaps', namespace: 'copy', name: 'a', result: 'created', uid: 'target-a', reason: 'created by an earlier attempt of this restore',
    });
    // Only the create that the API server refuses (the name is taken): nothing is updated or replaced.
    expect(events.filter((e) => e.endsWith('copy/a'))).toEqual(['POST copy/a']);
    expect(objects.get('/api/v1/namespaces/copy/configmaps/a')?.metadata.labels).toEqual({ 'fleetback.io/restore': 'r' });
  });

  it('decides a dry run as the real run, writing nothing but server-side dry-run updates', async () => {
    const dryEvents: string[] = [];
    const dry = await apply(dryEvents, undefined, { objects: new Map([existing('a')]), policy: 'update', dryRun: true }).outcomes;
    const real = await apply([], undefined, { objects: new Map([existing('a')]), policy: 'update' }).outcomes;
    expect(dry.map((o) => [o.name, o.result])).toEqual(real.map((o) => [o.name, o.result]));
    expect(dry).toEqual(real.map((o) => (o.result === 'created' ? { ...o, uid: '' } : o)));
    expect(dryEvents.filter((e) => !e.startsWith('load '))).toEqual(['PUT copy/a']);
  });
});
