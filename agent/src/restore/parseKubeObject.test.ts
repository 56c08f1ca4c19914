import { describe, expect, it } from 'vitest';
import { WireError } from '#schema/contracts/WireError';
import { parseKubeObject } from './parseKubeObject.ts';

const deployment = {
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: {
    name: 'web', namespace: 'shop', labels: { app: 'web' }, annotations: { note: 'x' }, generation: 3,
    ownerReferences: [{ apiVersion: 'v1', kind: 'ConfigMap', name: 'owner', uid: 'u1', controller: true }],
  },
  spec: { replicas: 2 },
};

describe('parseKubeObject', () => {
  it('keeps every field of a well-formed object as it is', () => {
    expect(parseKubeObject(JSON.parse(JSON.stringify(deployment)))).toEqual(deployment);
    const bare = { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'shop' } };
    expect(parseKubeObject(bare)).toEqual(bare);
  });

  it('refuses an archived value that is not a Kubernetes object, naming what is missing', () => {
    expect(() => parseKubeObject(['web'])).toThrow(new WireError('', 'must be an object'));
    expect(() => parseKubeObject({ kind: 'Deployment', metadata: { name: 'web' } })).toThrow(
      new WireError('apiVersion', 'must be a string'),
    );
    expect(() => parseKubeObject({ apiVersion: 'v1', kind: 'Pod' })).toThrow(new WireError('metadata', 'must be an object'));
    expect(() => parseKubeObject({ ...deployment, metadata: { namespace: 'shop' } })).toThrow(
      new WireError('metadata.name', 'must be a string'),
    );
  });

  it('refuses metadata of the wrong types, naming the field', () => {
    const withMetadata = (fields: Record<string, unknown>) => ({ ...deployment, metadata: { ...deployment.metadata, ...fields } });
    expect(() => parseKubeObject(withMetadata({ labels: { app: 1 } }))).toThrow(
      new WireError('metadata.labels.app', 'must be a string'),
    );
    expect(() => parseKubeObject(withMetadata({ annotations: 'x' }))).toThrow(
      new WireError('metadata.annotations', 'must be an object'),
    );
    expect(() => parseKubeObject(withMetadata({ namespace: 7 }))).toThrow(new WireError('metadata.namespace', 'must be a string'));
    expect(() => parseKubeObject(withMetadata({ ownerReferences: { name: 'owner' } }))).toThrow(
      new WireError('metadata.ownerReferences', 'must be a list'),
    );
    expect(() => parseKubeObject(withMetadata({ ownerReferences: [{ apiVersion: 'v1', kind: 'ConfigMap', name: 'o' }] }))).toThrow(
      new WireError('metadata.ownerReferences[0].uid', 'must be a string'),
    );
  });
});
