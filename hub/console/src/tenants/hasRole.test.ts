import { describe, expect, it } from 'vitest';
import type { Me } from '../auth/meQuery.ts';
import { hasRole } from './hasRole.ts';

const me = (over: Partial<Me>): Me => ({ kind: 'user', name: 'u', groups: [], hubAdmin: false, grants: [], ...over });
const grant = (tenantId: string, role: 'admin' | 'operator' | 'viewer') => ({
  tenantId,
  role,
  clusterIds: [],
  namespaces: [],
});

describe('hasRole', () => {
  it('gives hub administrators every role in every tenant', () => {
    expect(hasRole(me({ kind: 'admin', hubAdmin: true }), 't1', 'admin')).toBe(true);
  });

  it('ranks admin over operator over viewer', () => {
    const operator = me({ grants: [grant('t1', 'operator')] });
    expect(hasRole(operator, 't1', 'viewer')).toBe(true);
    expect(hasRole(operator, 't1', 'operator')).toBe(true);
    expect(hasRole(operator, 't1', 'admin')).toBe(false);
  });

  it('counts only grants in the tenant asked about, the best of several', () => {
    const mixed = me({ grants: [grant('t1', 'viewer'), grant('t2', 'admin'), grant('t1', 'operator')] });
    expect(hasRole(mixed, 't1', 'operator')).toBe(true);
    expect(hasRole(mixed, 't1', 'admin')).toBe(false);
    expect(hasRole(mixed, 't3', 'viewer')).toBe(false);
  });
});
