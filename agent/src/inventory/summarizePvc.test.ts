import { describe, expect, it } from 'vitest';
import { summarizePvc } from './summarizePvc.ts';

describe('summarizePvc', () => {
  it('reports class, requested size, phase and bound volume', () => {
    const summary = summarizePvc({
      metadata: { name: 'data', labels: { app: 'db' } },
      spec: { storageClassName: 'fast', resources: { requests: { storage: '10Gi' } }, volumeName: 'pv-1' },
      status: { phase: 'Bound' },
    });
    expect(summary).toEqual({
      name: 'data',
      labels: { app: 'db' },
      storageClassName: 'fast',
      requestedStorage: '10Gi',
      phase: 'Bound',
      volumeName: 'pv-1',
    });
  });

  it('reports a claim nobody has looked at yet as Pending, with nulls for what it does not say', () => {
    expect(summarizePvc({ metadata: { name: 'fresh' }, spec: {} })).toEqual({
      name: 'fresh',
      labels: {},
      storageClassName: null,
      requestedStorage: null,
      phase: 'Pending',
      volumeName: null,
    });
  });
});
