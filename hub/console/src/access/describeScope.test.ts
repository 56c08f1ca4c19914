import { describe, expect, it } from 'vitest';
import { describeScope, tokenState } from './describeScope.ts';

const names = new Map([
  ['c1', 'prod-a'],
  ['c2', 'edge-1'],
]);

describe('describeScope', () => {
  it('says all when nothing narrows', () => {
    expect(describeScope({ clusterIds: [], namespaces: [] }, names)).toBe('All clusters and namespaces');
  });

  it('names the clusters and namespace patterns a binding is narrowed to', () => {
    expect(describeScope({ clusterIds: ['c1', 'c2'], namespaces: [] }, names)).toBe('Clusters prod-a, edge-1; all namespaces');
    expect(describeScope({ clusterIds: ['c1'], namespaces: ['shop-*'] }, names)).toBe('Cluster prod-a; namespaces shop-*');
    expect(describeScope({ clusterIds: [], namespaces: ['a', 'b'] }, names)).toBe('All clusters; namespaces a, b');
  });

  it('shows a cluster it cannot name by its id', () => {
    expect(describeScope({ clusterIds: ['gone'], namespaces: [] }, names)).toBe('Cluster gone; all namespaces');
  });
});

describe('tokenState', () => {
  const now = Date.parse('2026-06-01T00:00:00Z');
  it('is active until it expires or is revoked, and revoked wins', () => {
    expect(tokenState({ revokedAt: null, expiresAt: null }, now)).toBe('active');
    expect(tokenState({ revokedAt: null, expiresAt: '2026-07-01T00:00:00Z' }, now)).toBe('active');
    expect(tokenState({ revokedAt: null, expiresAt: '2026-05-01T00:00:00Z' }, now)).toBe('expired');
    expect(tokenState({ revokedAt: '2026-04-01T00:00:00Z', expiresAt: '2026-05-01T00:00:00Z' }, now)).toBe('revoked');
  });
});
