import { describe, expect, it } from 'vitest';
import type { Grant, Principal } from '../auth/Principal.ts';
import { ForbiddenError } from '../errors/errors.ts';
import { authorizeWholeTenant } from './authorize.ts';
import { authorizeGrant } from './authorizeGrant.ts';
import { narrowingCovers } from './grantCovers.ts';

const grant = (role: Grant['role'], clusterIds: string[] = [], namespaces: string[] = []): Grant => ({
  tenantId: 't',
  role,
  clusterIds,
  namespaces,
});
const token = (...grants: Grant[]): Principal => ({ kind: 'token', tokenId: 'x', grants });

describe('authorizeGrant (a narrowed admin escalated through tokens and bindings)', () => {
  const clusterAdmin = token(grant('admin', ['c1']));
  const shopAdmin = token(grant('admin', [], ['shop-*']));

  it('refuses a cluster-narrowed admin an un-narrowed or wider grant', () => {
    expect(() => authorizeGrant(clusterAdmin, grant('admin'))).toThrow(ForbiddenError);
    expect(() => authorizeGrant(clusterAdmin, grant('viewer'))).toThrow(ForbiddenError);
    expect(() => authorizeGrant(clusterAdmin, grant('operator', ['c1', 'c2']))).toThrow(ForbiddenError);
  });

  it('lets a cluster-narrowed admin grant within its cluster', () => {
    expect(() => authorizeGrant(clusterAdmin, grant('admin', ['c1']))).not.toThrow();
    expect(() => authorizeGrant(clusterAdmin, grant('viewer', ['c1'], ['shop-a']))).not.toThrow();
  });

  it('refuses a namespace-narrowed admin wider namespace patterns', () => {
    expect(() => authorizeGrant(shopAdmin, grant('viewer'))).toThrow(ForbiddenError);
    expect(() => authorizeGrant(shopAdmin, grant('viewer', [], ['*']))).toThrow(ForbiddenError);
    expect(() => authorizeGrant(shopAdmin, grant('viewer', [], ['sh*']))).toThrow(ForbiddenError);
    expect(() => authorizeGrant(shopAdmin, grant('viewer', [], ['shop-a', 'kube-system']))).toThrow(ForbiddenError);
    expect(() => authorizeGrant(shopAdmin, grant('operator', ['c1'], ['shop-web-*', 'shop-a']))).not.toThrow();
  });

  it('refuses a stronger role than the caller holds there', () => {
    const mixed = token(grant('admin', ['c1']), grant('operator'));
    expect(() => authorizeGrant(mixed, grant('operator'))).not.toThrow();
    expect(() => authorizeGrant(mixed, grant('admin', ['c2']))).toThrow(ForbiddenError);
  });
});

describe('narrowingCovers', () => {
  it('covers only what every holder pattern admits', () => {
    expect(narrowingCovers({ clusterIds: [], namespaces: [] }, { clusterIds: ['c'], namespaces: ['*'] })).toBe(true);
    expect(narrowingCovers({ clusterIds: [], namespaces: ['*'] }, { clusterIds: [], namespaces: [] })).toBe(false);
    expect(narrowingCovers({ clusterIds: [], namespaces: ['shop-*a'] }, { clusterIds: [], namespaces: ['shop-a*'] })).toBe(
      false,
    );
  });
});

describe('authorizeWholeTenant (a narrowed admin registered clusters)', () => {
  it('refuses admins narrowed to clusters or namespaces', () => {
    for (const narrowed of [grant('admin', ['c1']), grant('admin', [], ['shop-*'])]) {
      expect(() => authorizeWholeTenant(token(narrowed), 'administer', 't', 'registering a cluster')).toThrow(
        ForbiddenError,
      );
    }
    expect(() => authorizeWholeTenant(token(grant('admin')), 'administer', 't', 'registering a cluster')).not.toThrow();
  });
});
