import { describe, expect, it } from 'vitest';
import { parseRestoreSpec } from '../../../../schema/spec/RestoreSpec.ts';
import type { KubeObject } from '../KubeObject.ts';
import type { RestorePlanItem } from '../RestorePlanItem.ts';
import { persistentVolumeClaimAction } from './persistentVolumeClaimAction.ts';
import type { RestoreActionContext } from './RestoreAction.ts';
import { serviceAction } from './serviceAction.ts';

const context: RestoreActionContext = {
  spec: parseRestoreSpec({ version: 1, backupId: 'b', targetClusterId: 'c', storageClassMapping: { slow: 'fast' } }),
  backupId: 'b',
  restoreId: 'r',
  planned: new Map(),
  plannedOwners: new Set(),
  restoredUids: new Map(),
};
const itemOf = (type: string, object: KubeObject) => ({ type, targetNamespace: 'ns', object }) as RestorePlanItem;
const run = (action: typeof serviceAction, type: string, object: KubeObject) => action(object, itemOf(type, object), context);

describe('serviceAction', () => {
  const service = (spec: object, annotations?: Record<string, string>): KubeObject => ({
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: 's', annotations },
    spec,
  });

  it('clears allocated cluster IPs and node ports, keeps headless and chosen node ports', () => {
    const ports = [{ port: 80, nodePort: 30001 }, { port: 81, nodePort: 30002 }];
    const chosen = JSON.stringify({ spec: { ports: [{ port: 81, nodePort: 30002 }] } });
    const result = run(serviceAction, 'services', service({ clusterIP: '10.0.0.1', clusterIPs: ['10.0.0.1'], ports, healthCheckNodePort: 1 }, {
      'kubectl.kubernetes.io/last-applied-configuration': chosen,
    }));
    expect(result).toEqual({ object: service({ ports: [{ port: 80 }, { port: 81, nodePort: 30002 }] }, {
      'kubectl.kubernetes.io/last-applied-configuration': chosen,
    }) });
    expect(run(serviceAction, 'services', service({ clusterIP: 'None', clusterIPs: ['None'] }))).toEqual({
      object: service({ clusterIP: 'None', clusterIPs: ['None'] }),
    });
  });
});

describe('persistentVolumeClaimAction', () => {
  it('maps the storage class, drops binding annotations and a volume that is not restored', () => {
    const pvc: KubeObject = {
      apiVersion: 'v1',
      kind: 'PersistentVolumeClaim',
      metadata: { name: 'data', annotations: { 'pv.kubernetes.io/bind-completed': 'yes', 'pv.kubernetes.io/bound-by-controller': 'yes', keep: 'me' } },
      spec: { storageClassName: 'slow', volumeName: 'pv-1' },
    };
    expect(run(persistentVolumeClaimAction, 'persistentvolumeclaims', pvc)).toEqual({
      object: { ...pvc, metadata: { name: 'data', annotations: { keep: 'me' } }, spec: { storageClassName: 'fast' } },
    });
  });
});
