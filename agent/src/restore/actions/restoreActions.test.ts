import { describe, expect, it } from 'vitest';
import { parseRestoreSpec } from '#schema/contracts/RestoreSpec';
import type { KubeObject } from '../KubeObject.ts';
import type { RestorePlanItem } from '../RestorePlanItem.ts';
import { controlledObjectAction } from './controlledObjectAction.ts';
import { lastAppliedConfigurationAction } from './lastAppliedConfigurationAction.ts';
import { persistentVolumeClaimAction } from './persistentVolumeClaimAction.ts';
import { jobAction } from './jobAction.ts';
import { ownerReferencesAction } from './ownerReferencesAction.ts';
import { plannedKey, type RestoreActionContext } from './RestoreAction.ts';
import { actionsFor, restoreActions } from './restoreActions.ts';
import { restoreLabelsAction } from './restoreLabelsAction.ts';
import { roleBindingAction } from './roleBindingAction.ts';
import { serviceAction } from './serviceAction.ts';

const context: RestoreActionContext = {
  spec: parseRestoreSpec({ version: 1, backupId: 'b', targetClusterId: 'c', storageClassMapping: { slow: 'fast' } }),
  backupId: 'b',
  restoreId: 'r',
  planned: new Map(),
  plannedOwners: new Set(),
  restoredUids: new Map(),
  deferOwnerReference: () => {},
  load: () => Promise.reject(new Error('no planned objects here')),
};
const itemOf = (type: string, object: KubeObject) =>
  ({ type, targetNamespace: 'ns', name: object.metadata.name }) as RestorePlanItem;
const run = (action: typeof serviceAction, type: string, object: KubeObject) => action.run(object, itemOf(type, object), context);

describe('actionsFor', () => {
  it('runs the actions declared for a type and those for every item, in registry order', () => {
    const forServices = actionsFor('services');
    expect(forServices).toContain(serviceAction);
    expect(forServices).not.toContain(jobAction);
    expect(forServices).toEqual(restoreActions.filter((a) => a === serviceAction || a.appliesTo === 'everyItem'));
  });

  it('gives a type no action names only the actions for every item', () => {
    expect(actionsFor('configmaps')).toEqual([controlledObjectAction, lastAppliedConfigurationAction, ownerReferencesAction, restoreLabelsAction]);
  });
});

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

describe('controlledObjectAction', () => {
  const endpoints: KubeObject = { apiVersion: 'v1', kind: 'Endpoints', metadata: { name: 'web', namespace: 'ns' } };
  /** A context whose plan holds Service `web`, loaded (as a plan holds no objects) with `spec`. */
  const withService = (spec: object) => {
    const service = itemOf('services', { apiVersion: 'v1', kind: 'Service', metadata: { name: 'web' } });
    const loads: RestorePlanItem[] = [];
    const load = (item: RestorePlanItem) => {
      loads.push(item);
      return Promise.resolve<KubeObject>({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'web', namespace: 'ns' }, spec });
    };
    return { loads, context: { ...context, planned: new Map([[plannedKey('services', 'ns', 'web'), service]]), load } };
  };

  it("skips the Endpoints of a planned Service with a selector, reading the Service's object to know", async () => {
    const { loads, context: selecting } = withService({ selector: { app: 'web' } });
    const result = await controlledObjectAction.run(structuredClone(endpoints), itemOf('endpoints', endpoints), selecting);
    expect(result).toEqual({ skip: 'Service web is restored and the target computes its endpoints' });
    expect(loads.map((i) => i.type)).toEqual(['services']);
  });

  it('keeps the Endpoints of a planned Service without a selector, and of no planned Service', async () => {
    const { context: manual } = withService({ ports: [{ port: 80 }] });
    expect(await controlledObjectAction.run(structuredClone(endpoints), itemOf('endpoints', endpoints), manual)).toEqual({ object: endpoints });
    expect(await controlledObjectAction.run(structuredClone(endpoints), itemOf('endpoints', endpoints), context)).toEqual({ object: endpoints });
  });
});

describe('actions on malformed archived fields', () => {
  const mapped: RestoreActionContext = {
    ...context,
    spec: parseRestoreSpec({ version: 1, backupId: 'b', targetClusterId: 'c', namespaceMapping: { shop: 'copy' } }),
  };

  it('leave a RoleBinding subject that is not an object for the API server to judge, instead of a TypeError', () => {
    const binding: KubeObject = {
      apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'RoleBinding', metadata: { name: 'b', namespace: 'shop' },
      subjects: [null, { kind: 'ServiceAccount', name: 'web', namespace: 'shop' }],
    };
    const result = roleBindingAction.run(binding, itemOf('rolebindings.rbac.authorization.k8s.io', binding), mapped);
    expect(result).toEqual({ object: { ...binding, subjects: [null, { kind: 'ServiceAccount', name: 'web', namespace: 'copy' }] } });
  });

  it('leave a Service port that is not an object, and a spec that is not one, as they are', () => {
    const ports = [null, { port: 80, protocol: 'TCP', nodePort: 30080 }];
    const withPorts: KubeObject = { apiVersion: 'v1', kind: 'Service', metadata: { name: 's' }, spec: { clusterIP: '10.0.0.1', ports } };
    expect(run(serviceAction, 'services', withPorts)).toEqual({
      object: { ...withPorts, spec: { ports: [null, { port: 80, protocol: 'TCP' }] } },
    });
    const odd: KubeObject = { apiVersion: 'v1', kind: 'Service', metadata: { name: 's' }, spec: 'ClusterIP' };
    expect(run(serviceAction, 'services', odd)).toEqual({ object: odd });
  });
});
