import { ApiException } from '@kubernetes/client-node';
import { describe, expect, it } from 'vitest';
import { discoverResources } from './discoverResources.ts';
import type { KubeJson } from './KubeJsonClient.ts';

const crud = ['create', 'delete', 'get', 'list', 'patch', 'update', 'watch'];

/** Discovery documents by path; a number answers with that HTTP status instead. */
const documents: Record<string, unknown> = {
  '/api': { versions: ['v1'] },
  '/api/v1': {
    resources: [
      { name: 'pods', kind: 'Pod', namespaced: true, verbs: crud },
      { name: 'pods/log', kind: 'Pod', namespaced: true, verbs: ['get'] },
      { name: 'bindings', kind: 'Binding', namespaced: true, verbs: ['create'] },
      { name: 'namespaces', kind: 'Namespace', namespaced: false, verbs: crud },
    ],
  },
  '/apis': {
    groups: [
      {
        name: 'example.com',
        versions: [{ version: 'v1' }, { version: 'v1alpha1' }],
        preferredVersion: { version: 'v1' },
      },
      { name: 'metrics.k8s.io', versions: [{ version: 'v1beta1' }], preferredVersion: { version: 'v1beta1' } },
    ],
  },
  '/apis/example.com/v1': {
    resources: [{ name: 'widgets', kind: 'Widget', namespaced: true, verbs: crud }],
  },
  '/apis/example.com/v1alpha1': {
    resources: [
      { name: 'widgets', kind: 'Widget', namespaced: true, verbs: crud },
      { name: 'gadgets', kind: 'Gadget', namespaced: false, verbs: crud },
    ],
  },
  '/apis/metrics.k8s.io/v1beta1': 503,
};

const fakeKube: KubeJson = {
  async get<T>(path: string): Promise<T> {
    const answer = documents[path];
    if (answer === undefined) throw new ApiException(404, 'Not Found', '', {});
    if (typeof answer === 'number') {
      throw new ApiException(answer, 'failed', '{"kind":"Status","message":"service unavailable"}', {});
    }
    return answer as T;
  },
};

describe('discoverResources', () => {
  it('lists listable top-level types of every group, each in the preferred version that serves it', async () => {
    const { types } = await discoverResources(fakeKube);
    expect(types.map((t) => `${t.group}/${t.version} ${t.plural} ${t.kind} ${t.namespaced}`)).toEqual([
      '/v1 namespaces Namespace false',
      '/v1 pods Pod true',
      'example.com/v1alpha1 gadgets Gadget false',
      'example.com/v1 widgets Widget true',
    ]);
    expect(types.find((t) => t.plural === 'pods')?.verbs).toContain('list');
  });

  it('turns a group whose discovery fails into a warning instead of failing', async () => {
    const { types, warnings } = await discoverResources(fakeKube);
    expect(types.some((t) => t.group === 'metrics.k8s.io')).toBe(false);
    expect(warnings).toEqual(['metrics.k8s.io/v1beta1: HTTP 503: service unavailable']);
  });
});
