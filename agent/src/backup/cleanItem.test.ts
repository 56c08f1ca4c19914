import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { alwaysExcludedGroups, alwaysExcludedResources } from './alwaysExcludedResources.ts';
import { cleanedMetadataFields, cleanItem } from './cleanItem.ts';

const lastApplied = 'kubectl.kubernetes.io/last-applied-configuration';

function aDeploymentAsServed() {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: {
      name: 'web',
      namespace: 'shop',
      uid: '9f0c…',
      resourceVersion: '4711',
      generation: 3,
      creationTimestamp: '2025-01-01T00:00:00Z',
      deletionTimestamp: '2025-01-02T00:00:00Z',
      deletionGracePeriodSeconds: 30,
      selfLink: '/apis/apps/v1/namespaces/shop/deployments/web',
      managedFields: [{ manager: 'kubectl', operation: 'Apply' }],
      labels: { app: 'shop' },
      annotations: { [lastApplied]: '{"kind":"Deployment"}', note: 'kept' },
      ownerReferences: [{ apiVersion: 'example.com/v1', kind: 'Shop', name: 'main', uid: 'owner-uid' }],
      finalizers: ['example.com/cleanup'],
    },
    spec: { replicas: 2, unknownFutureField: { kept: true } },
    status: { replicas: 2, readyReplicas: 2 },
  };
}

describe('cleanItem', () => {
  it('removes the server-populated metadata fields and status, and keeps everything else', () => {
    expect(cleanItem(aDeploymentAsServed())).toEqual({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: {
        name: 'web',
        namespace: 'shop',
        labels: { app: 'shop' },
        annotations: { [lastApplied]: '{"kind":"Deployment"}', note: 'kept' },
        ownerReferences: [{ apiVersion: 'example.com/v1', kind: 'Shop', name: 'main', uid: 'owner-uid' }],
        finalizers: ['example.com/cleanup'],
      },
      spec: { replicas: 2, unknownFutureField: { kept: true } },
    });
  });

  it('never changes its input, and shares nothing with it', () => {
    const served = aDeploymentAsServed();
    const cleaned = cleanItem(served);
    expect(served).toEqual(aDeploymentAsServed());
    (cleaned.spec as { replicas: number }).replicas = 9;
    expect(served.spec.replicas).toBe(2);
  });

  it('copes with objects that have no metadata or no status', () => {
    expect(cleanItem({ kind: 'Odd', data: { a: 1 } })).toEqual({ kind: 'Odd', data: { a: 1 } });
  });

  it("keeps a Service's managedFields, which tell the node ports a user set, and still removes the rest", () => {
    const managedFields = [{ manager: 'kubectl', operation: 'Apply', fieldsV1: { 'f:spec': {} } }];
    const service = { apiVersion: 'v1', kind: 'Service', metadata: { name: 'web', uid: 'u', managedFields }, spec: {} };
    expect(cleanItem(service)).toEqual({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'web', managedFields }, spec: {} });
  });

  it('matches the list in schema/format/README.md, which documents format v1', () => {
    const readme = readFileSync(join(import.meta.dirname, '../../../schema/format/README.md'), 'utf8');
    const section = readme.slice(readme.indexOf('## Cleaned fields (format v1)'));
    for (const field of cleanedMetadataFields) expect(section).toContain(`| \`metadata.${field}\` |`);
    expect(section).toContain('| `status` |');
    for (const name of [...Object.keys(alwaysExcludedResources), ...Object.keys(alwaysExcludedGroups)]) {
      expect(section).toContain(`\`${name}\``);
    }
  });
});
