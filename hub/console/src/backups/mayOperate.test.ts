import { describe, expect, it } from 'vitest';
import type { Me, MyGrant } from '../auth/meQuery.ts';
import { mayOperate, namespaceMatches } from './mayOperate.ts';

const user = (...grants: MyGrant[]): Me => ({ kind: 'user', name: 'u', groups: [], hubAdmin: false, grants });
const grant = (role: MyGrant['role'], extra: Partial<MyGrant> = {}): MyGrant => ({
  tenantId: 't1',
  role,
  clusterIds: [],
  namespaces: [],
  ...extra,
});
const target = { tenantId: 't1', clusterId: 'c1', namespaces: ['shop-web'] };

describe('mayOperate', () => {
  it('lets hub administrators, operators and admins of the tenant operate', () => {
    expect(mayOperate({ ...user(), hubAdmin: true }, target)).toBe(true);
    expect(mayOperate(user(grant('operator')), target)).toBe(true);
    expect(mayOperate(user(grant('admin')), target)).toBe(true);
  });

  it('refuses viewers and grants in other tenants', () => {
    expect(mayOperate(user(grant('viewer')), target)).toBe(false);
    expect(mayOperate(user(grant('operator', { tenantId: 't2' })), target)).toBe(false);
    expect(mayOperate(user(), target)).toBe(false);
  });

  it('needs a grant covering the cluster and every namespace', () => {
    expect(mayOperate(user(grant('operator', { clusterIds: ['c2'] })), target)).toBe(false);
    expect(mayOperate(user(grant('operator', { clusterIds: ['c1'] })), target)).toBe(true);
    expect(mayOperate(user(grant('operator', { namespaces: ['shop-*'] })), target)).toBe(true);
    expect(mayOperate(user(grant('operator', { namespaces: ['shop-*'] })), { ...target, namespaces: ['shop-web', 'db'] })).toBe(false);
    // No namespaces listed means all of them, which only an unnarrowed grant covers.
    expect(mayOperate(user(grant('operator', { namespaces: ['shop-*'] })), { ...target, namespaces: [] })).toBe(false);
    expect(mayOperate(user(grant('viewer'), grant('operator', { namespaces: ['*'] })), { ...target, namespaces: [] })).toBe(true);
    // Without namespaces: may the caller operate on some of the cluster?
    expect(mayOperate(user(grant('operator', { namespaces: ['shop-*'] })), { tenantId: 't1', clusterId: 'c1' })).toBe(true);
    expect(mayOperate(user(grant('viewer')), { tenantId: 't1', clusterId: 'c1' })).toBe(false);
  });
});

it('matches namespaces by globs with * only', () => {
  expect(namespaceMatches('shop-*', 'shop-web')).toBe(true);
  expect(namespaceMatches('shop-*', 'shopweb')).toBe(false);
  expect(namespaceMatches('a.b', 'axb')).toBe(false);
  expect(namespaceMatches('*', 'anything')).toBe(true);
});
