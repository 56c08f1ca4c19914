import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../KubeObject.ts';
import type { RestorePlanItem } from '../RestorePlanItem.ts';
import type { RestoreActionContext } from './RestoreAction.ts';
import { serviceAction } from './serviceAction.ts';

const lastApplied = 'kubectl.kubernetes.io/last-applied-configuration';
const run = (object: KubeObject) =>
  serviceAction.run(structuredClone(object), { type: 'services', targetNamespace: 'ns' } as RestorePlanItem, {} as RestoreActionContext);
const service = (spec: object, metadata: Partial<KubeObject['metadata']> = {}): KubeObject => ({
  apiVersion: 'v1',
  kind: 'Service',
  metadata: { name: 's', ...metadata },
  spec,
});
/** A managed-fields entry owning `fields` of a Service's ports, keyed as server-side apply keys them. */
const managing = (manager: string, ports: Record<string, object>) => ({
  manager,
  operation: manager === 'kubectl' ? 'Apply' : 'Update',
  fieldsV1: { 'f:spec': { 'f:ports': ports } },
});

describe('serviceAction node ports', () => {
  it('keeps a node port set by server-side apply and drops one the source allocated', () => {
    const managedFields = [
      managing('kubectl', { 'k:{"port":81,"protocol":"TCP"}': { '.': {}, 'f:nodePort': {}, 'f:port': {} } }),
      managing('kube-controller-manager', { 'k:{"port":80,"protocol":"TCP"}': { '.': {}, 'f:port': {} } }),
    ];
    const source = service({ type: 'NodePort', ports: [{ port: 80, protocol: 'TCP', nodePort: 30001 }, { port: 81, protocol: 'TCP', nodePort: 30002 }] }, { managedFields });
    expect(run(source)).toEqual({
      object: service({ type: 'NodePort', ports: [{ port: 80, protocol: 'TCP' }, { port: 81, protocol: 'TCP', nodePort: 30002 }] }),
    });
  });

  it('keeps a node port named in last-applied-configuration, matched by port and protocol', () => {
    const manifest = JSON.stringify({ spec: { ports: [{ port: 53, protocol: 'UDP', nodePort: 30053 }] } });
    const source = service({ ports: [{ port: 53, protocol: 'UDP', nodePort: 30053 }, { port: 53, protocol: 'TCP', nodePort: 30054 }] }, { annotations: { [lastApplied]: manifest } });
    expect(run(source)).toEqual({
      object: service({ ports: [{ port: 53, protocol: 'UDP', nodePort: 30053 }, { port: 53, protocol: 'TCP' }] }, { annotations: { [lastApplied]: manifest } }),
    });
  });

  it('drops every node port and the health-check node port when nothing says a user set them', () => {
    const source = service({ type: 'LoadBalancer', clusterIP: '10.0.0.1', clusterIPs: ['10.0.0.1'], healthCheckNodePort: 32000, ports: [{ port: 80, nodePort: 30001 }] }, { annotations: { [lastApplied]: 'not json' } });
    expect(run(source)).toEqual({ object: service({ type: 'LoadBalancer', ports: [{ port: 80 }] }, { annotations: { [lastApplied]: 'not json' } }) });
  });

  it('keeps a health-check node port a user set', () => {
    const managedFields = [{ manager: 'kubectl', operation: 'Apply', fieldsV1: { 'f:spec': { 'f:healthCheckNodePort': {} } } }];
    expect(run(service({ type: 'LoadBalancer', healthCheckNodePort: 32000 }, { managedFields }))).toEqual({
      object: service({ type: 'LoadBalancer', healthCheckNodePort: 32000 }),
    });
  });

  it('leaves an ExternalName Service untouched', () => {
    const alias = service({ type: 'ExternalName', externalName: 'db.example.com', ports: [{ port: 5432, nodePort: 30432 }] });
    expect(run(alias)).toEqual({ object: alias });
  });
});
