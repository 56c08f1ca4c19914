import { describe, expect, it } from 'vitest';
import { parseRestoreSpec } from '../../../schema/spec/RestoreSpec.ts';
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

/** A cluster where every namespace exists and every create succeeds; `events` records loads and writes in order. */
function fakeCluster(events: string[]): KubeWrite {
  return {
    get: <T>() => Promise.resolve({ metadata: { name: 'exists' } } as T),
    send: <T>(method: string, _path: string, body?: unknown) => {
      const object = body as KubeObject;
      events.push(`${method} ${object.metadata.namespace}/${object.metadata.name}`);
      return Promise.resolve({ metadata: { uid: `uid-${object.metadata.name}` } } as T);
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
  const apply = (events: string[], fail?: string) => {
    const done: [number, ItemOutcome][] = [];
    const outcomes = applyPlan(fakeCluster(events), plan, {
      spec, backupId: 'b', restoreId: 'r', signal: new AbortController().signal,
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
});
