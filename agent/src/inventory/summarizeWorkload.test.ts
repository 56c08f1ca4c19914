import { describe, expect, it } from 'vitest';
import { summarizeWorkload } from './summarizeWorkload.ts';

describe('summarizeWorkload', () => {
  it('reports desired and ready replicas of a Deployment', () => {
    const summary = summarizeWorkload('Deployment', {
      metadata: { name: 'web', namespace: 'shop', labels: { app: 'web' } },
      spec: { replicas: 3, selector: {}, template: {} },
      status: { readyReplicas: 2, replicas: 3 },
    });
    expect(summary).toEqual({
      kind: 'Deployment',
      name: 'web',
      labels: { app: 'web' },
      replicas: 3,
      readyReplicas: 2,
    });
  });

  it('counts zero ready replicas when the status leaves them out, as it does while none is ready', () => {
    const summary = summarizeWorkload('StatefulSet', {
      metadata: { name: 'db' },
      spec: { replicas: 2, selector: {}, serviceName: 'db', template: {} },
      status: { replicas: 2 },
    });
    expect(summary).toMatchObject({ replicas: 2, readyReplicas: 0, labels: {} });
  });

  it('reads raw watch JSON the same way as client models', () => {
    const fromWatch = JSON.parse(
      '{"metadata":{"name":"web"},"spec":{"replicas":1},"status":{"readyReplicas":1}}',
    );
    expect(summarizeWorkload('Deployment', fromWatch)).toMatchObject({ replicas: 1, readyReplicas: 1 });
  });

  it.each(['DaemonSet', 'CronJob', 'Job'] as const)('reports no replica counts for a %s', (kind) => {
    const summary = summarizeWorkload(kind, { metadata: { name: 'x', labels: { tier: 'batch' } } });
    expect(summary).toEqual({
      kind,
      name: 'x',
      labels: { tier: 'batch' },
      replicas: null,
      readyReplicas: null,
    });
  });
});
