import { ApiException } from '@kubernetes/client-node';
import { describe, expect, it } from 'vitest';
import type { KubeWrite } from '../kube/KubeWriter.ts';
import type { KubeObject } from './KubeObject.ts';
import { rebindReleasedVolume } from './rebindReleasedVolume.ts';
import type { RestorePlanItem } from './RestorePlanItem.ts';

const pvPath = '/api/v1/persistentvolumes/pv-1';
const claimPath = (namespace: string, name: string) => `/api/v1/namespaces/${namespace}/persistentvolumeclaims/${name}`;

/** A target cluster holding `objects` by API path; every write is recorded in `writes`. */
function cluster(objects: Record<string, object>, writes: [string, string, unknown][]): KubeWrite {
  return {
    get: <T>(path: string) =>
      path in objects ? Promise.resolve(structuredClone(objects[path]) as T) : Promise.reject(new ApiException(404, 'not found', {}, {})),
    send: <T>(method: string, path: string, body?: unknown) => {
      writes.push([method, path, body]);
      return Promise.resolve(body as T);
    },
  };
}

const item: RestorePlanItem = {
  entry: {
    path: 'x', group: '', version: 'v1', kind: 'PersistentVolumeClaim', resource: 'persistentvolumeclaims',
    namespace: 'shop', name: 'data', labels: {}, size: 0, sha256: '',
  },
  type: 'persistentvolumeclaims',
  targetNamespace: 'shop',
  name: 'data',
};
const claim: KubeObject = { apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: { name: 'data', namespace: 'shop' }, spec: { volumeName: 'pv-1' } };

function volume(claimRef: object | undefined, phase: string, policy = 'Retain'): object {
  return {
    apiVersion: 'v1', kind: 'PersistentVolume', metadata: { name: 'pv-1', resourceVersion: '42' },
    spec: { persistentVolumeReclaimPolicy: policy, hostPath: { path: '/data' }, ...(claimRef ? { claimRef } : {}) },
    status: { phase },
  };
}
const deletedClaimRef = { apiVersion: 'v1', kind: 'PersistentVolumeClaim', namespace: 'shop', name: 'data', uid: 'deleted-uid', resourceVersion: '7' };

describe('rebindReleasedVolume', () => {
  it('re-points a Released volume that still names the deleted claim uid at the restored claim, without uid', async () => {
    const writes: [string, string, unknown][] = [];
    const refusal = await rebindReleasedVolume(cluster({ [pvPath]: volume(deletedClaimRef, 'Released') }, writes), item, claim);
    expect(refusal).toBeUndefined();
    expect(writes).toHaveLength(1);
    const [method, path, body] = writes[0] as [string, string, { metadata: { resourceVersion: string }; spec: object }];
    expect([method, path]).toEqual(['PUT', pvPath]);
    // The resourceVersion read is sent back, so a concurrent change fails the PUT instead of being overwritten.
    expect(body.metadata.resourceVersion).toBe('42');
    expect(body.spec).toEqual({
      persistentVolumeReclaimPolicy: 'Retain',
      hostPath: { path: '/data' },
      claimRef: { apiVersion: 'v1', kind: 'PersistentVolumeClaim', namespace: 'shop', name: 'data' },
    });
  });

  it('refuses a claim whose volume is bound to a claim that exists, a second copy in another namespace, and writes nothing', async () => {
    const writes: [string, string, unknown][] = [];
    const copy: RestorePlanItem = { ...item, targetNamespace: 'shop-copy' };
    const objects = {
      [pvPath]: volume({ ...deletedClaimRef, uid: 'live-uid' }, 'Bound'),
      [claimPath('shop', 'data')]: { metadata: { name: 'data', uid: 'live-uid' } },
    };
    const refusal = await rebindReleasedVolume(cluster(objects, writes), copy, claim);
    expect(refusal).toMatch(/^PersistentVolume pv-1 is bound to claim shop\/data in the target, and a volume serves one claim: restore the claim without its PersistentVolume/);
    expect(writes).toEqual([]);
  });

  it('refuses a claim whose volume was released with reclaim policy Delete', async () => {
    const writes: [string, string, unknown][] = [];
    const refusal = await rebindReleasedVolume(cluster({ [pvPath]: volume(deletedClaimRef, 'Released', 'Delete') }, writes), item, claim);
    expect(refusal).toMatch(/reclaim policy Delete is removing its data/);
    expect(writes).toEqual([]);
  });

  it('refuses a claim whose volume is not in the target', async () => {
    const refusal = await rebindReleasedVolume(cluster({}, []), item, claim);
    expect(refusal).toMatch(/^PersistentVolume pv-1 is not in the target/);
  });

  it('refuses a claim whose volume is reserved for another claim', async () => {
    const writes: [string, string, unknown][] = [];
    const reserved = { namespace: 'other', name: 'data' };
    const refusal = await rebindReleasedVolume(cluster({ [pvPath]: volume(reserved, 'Available') }, writes), item, claim);
    expect(refusal).toMatch(/^PersistentVolume pv-1 is reserved for claim other\/data in the target/);
    expect(writes).toEqual([]);
  });

  it('leaves a free volume, one reserved for this claim, and a claim that exists already to the apply', async () => {
    const writes: [string, string, unknown][] = [];
    expect(await rebindReleasedVolume(cluster({ [pvPath]: volume(undefined, 'Available') }, writes), item, claim)).toBeUndefined();
    const reserved = { namespace: 'shop', name: 'data' };
    expect(await rebindReleasedVolume(cluster({ [pvPath]: volume(reserved, 'Available') }, writes), item, claim)).toBeUndefined();
    const existing = { [pvPath]: volume(deletedClaimRef, 'Released'), [claimPath('shop', 'data')]: { metadata: { name: 'data', uid: 'x' } } };
    expect(await rebindReleasedVolume(cluster(existing, writes), item, claim)).toBeUndefined();
    expect(writes).toEqual([]);
  });
});
