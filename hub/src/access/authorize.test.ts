import { describe, expect, it } from 'vitest';
import type { Principal } from '../auth/Principal.ts';
import { ForbiddenError, NotFoundError } from '../errors/errors.ts';
import { authorize, namespaceMatches } from './authorize.ts';

const user = (grants: Extract<Principal, { kind: 'user' }>['grants']): Principal => ({
  kind: 'user',
  subject: 's',
  email: undefined,
  groups: [],
  grants,
});

describe('authorize', () => {
  it('lets the built-in admin do anything', () => {
    expect(() => authorize({ kind: 'admin' }, 'administer', { tenantId: 't' })).not.toThrow();
  });

  it('hides tenants without a grant behind NOT_FOUND', () => {
    const viewer = user([{ tenantId: 'a', role: 'viewer', clusterIds: [], namespaces: [] }]);
    expect(() => authorize(viewer, 'read', { tenantId: 'b' })).toThrow(NotFoundError);
  });

  it('lets a viewer read but not operate', () => {
    const viewer = user([{ tenantId: 'a', role: 'viewer', clusterIds: [], namespaces: [] }]);
    expect(() => authorize(viewer, 'read', { tenantId: 'a' })).not.toThrow();
    expect(() => authorize(viewer, 'operate', { tenantId: 'a' })).toThrow(ForbiddenError);
  });

  it('limits a cluster-narrowed operator to its cluster', () => {
    const op = user([{ tenantId: 'a', role: 'operator', clusterIds: ['c1'], namespaces: [] }]);
    expect(() => authorize(op, 'operate', { tenantId: 'a', clusterId: 'c1' })).not.toThrow();
    expect(() => authorize(op, 'operate', { tenantId: 'a', clusterId: 'c2' })).toThrow(ForbiddenError);
  });

  it('limits a namespace-narrowed operator to matching namespaces', () => {
    const op = user([{ tenantId: 'a', role: 'operator', clusterIds: [], namespaces: ['shop-*'] }]);
    expect(() =>
      authorize(op, 'operate', { tenantId: 'a', namespaces: ['shop-web', 'shop-db'] }),
    ).not.toThrow();
    expect(() => authorize(op, 'operate', { tenantId: 'a', namespaces: ['shop-web', 'billing'] })).toThrow(
      ForbiddenError,
    );
  });

  it('combines grants: a narrow operator grant and a broad viewer grant', () => {
    const both = user([
      { tenantId: 'a', role: 'operator', clusterIds: ['c1'], namespaces: [] },
      { tenantId: 'a', role: 'viewer', clusterIds: [], namespaces: [] },
    ]);
    expect(() => authorize(both, 'read', { tenantId: 'a', clusterId: 'c2' })).not.toThrow();
    expect(() => authorize(both, 'operate', { tenantId: 'a', clusterId: 'c2' })).toThrow(ForbiddenError);
  });
});

describe('namespaceMatches', () => {
  it('matches globs and escapes everything else', () => {
    expect(namespaceMatches('shop-*', 'shop-web')).toBe(true);
    expect(namespaceMatches('shop-*', 'myshop-web')).toBe(false);
    expect(namespaceMatches('a.b', 'axb')).toBe(false);
    expect(namespaceMatches('*', 'anything')).toBe(true);
  });
});
