import { describe, expect, it } from 'vitest';
import { parseLabelSelector } from '#schema/contracts/parseLabelSelector';
import { type PodObject, selectRulePods } from './selectRulePods.ts';

function aPod(namespace: string, name: string, labels: Record<string, string>, fields: Partial<PodObject> = {}): PodObject {
  return {
    metadata: { namespace, name, labels },
    spec: { containers: [{ name: 'main' }, { name: 'sidecar' }] },
    status: { phase: 'Running' },
    ...fields,
  };
}

const selectors = (...texts: string[]) => texts.map((t) => parseLabelSelector(t));
const names = (pods: { namespace: string; name: string }[]) => pods.map((p) => `${p.namespace}/${p.name}`);

describe('selectRulePods', () => {
  const pods = [
    aPod('shop', 'db-1', { app: 'db', tier: 'data' }),
    aPod('shop', 'db-0', { app: 'db', tier: 'data' }),
    aPod('shop', 'web-0', { app: 'web' }),
    aPod('shop', 'cache-0', { app: 'cache', tier: 'data' }),
    aPod('shop-eu', 'db-0', { app: 'db' }),
    aPod('billing', 'db-0', { app: 'db' }),
  ];

  it("looks in the backup's namespaces when the sub-rule names none, sorted by namespace and name", () => {
    const selected = selectRulePods(pods, { selectors: selectors('app=db'), namespaces: [], backupNamespaces: ['shop', 'shop-eu'] });
    expect(names(selected)).toEqual(['shop/db-0', 'shop/db-1', 'shop-eu/db-0']);
    expect(selected[0]?.containers).toEqual(['main', 'sidecar']);
  });

  it("narrows the backup's namespaces to the sub-rule's, names or patterns", () => {
    const scope = { selectors: selectors('app=db'), namespaces: ['shop-*', 'billing'], backupNamespaces: ['shop-eu', 'billing', 'shop'] };
    expect(names(selectRulePods(pods, scope))).toEqual(['billing/db-0', 'shop-eu/db-0']);
  });

  it("never acts outside the backup's namespaces, whatever the sub-rule names (a rule escaped namespace narrowing)", () => {
    const scope = { selectors: selectors('app=db'), namespaces: ['shop-*', 'billing'], backupNamespaces: ['shop'] };
    expect(names(selectRulePods(pods, scope))).toEqual([]);
    const everywhere = { selectors: selectors('app=db'), namespaces: ['*'], backupNamespaces: ['shop-eu'] };
    expect(names(selectRulePods(pods, everywhere))).toEqual(['shop-eu/db-0']);
  });

  it('ORs the selectors, each of which may be set-based or exclude', () => {
    const any = selectors('app=web', 'tier in (data), app notin (db)');
    expect(names(selectRulePods(pods, { selectors: any, namespaces: ['shop'], backupNamespaces: ['shop'] }))).toEqual([
      'shop/cache-0',
      'shop/web-0',
    ]);
    const notDb = selectors('app!=db, !tier');
    expect(names(selectRulePods(pods, { selectors: notDb, namespaces: ['shop'], backupNamespaces: ['shop'] }))).toEqual(['shop/web-0']);
  });

  it('takes only Running pods that are not being deleted, each once', () => {
    const mixed = [
      aPod('shop', 'pending', { app: 'db' }, { status: { phase: 'Pending' } }),
      aPod('shop', 'done', { app: 'db' }, { status: { phase: 'Succeeded' } }),
      aPod('shop', 'leaving', { app: 'db' }, {
        metadata: { namespace: 'shop', name: 'leaving', labels: { app: 'db' }, deletionTimestamp: '2026-01-01T00:00:00Z' },
      }),
      aPod('shop', 'db-0', { app: 'db' }),
      aPod('shop', 'db-0', { app: 'db' }),
    ];
    expect(names(selectRulePods(mixed, { selectors: selectors('app=db'), namespaces: [], backupNamespaces: ['shop'] }))).toEqual([
      'shop/db-0',
    ]);
  });

  it('selects nothing when the backup takes no namespace and the sub-rule names none', () => {
    expect(selectRulePods(pods, { selectors: selectors('app=db'), namespaces: [], backupNamespaces: [] })).toEqual([]);
  });
});
