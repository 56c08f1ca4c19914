import { explicitNodePorts, portKey } from './explicitNodePorts.ts';
import type { RestoreAction } from './RestoreAction.ts';
import { recordOf, recordsOf } from '../recordOf.ts';

/**
 * Services: the cluster IPs were allocated from the source cluster's service range, so they are cleared and
 * the target allocates its own; a headless Service (`clusterIP: None`) stays headless. Node ports (and the
 * health-check node port) are kept only when a user set them (`explicitNodePorts`); ports the source
 * allocated are cleared, since they would likely collide with the target's own allocations and fail the
 * item. An `ExternalName` Service is a DNS alias with no IPs or ports allocated, and is left as it is. The
 * source's `managedFields` (archived for Services so this rule can read them) are dropped: the target
 * records its own.
 */
export const serviceAction: RestoreAction = {
  appliesTo: { types: ['services'] },
  run: (object) => {
    const explicit = explicitNodePorts(object);
    delete object.metadata.managedFields;
    const spec = recordOf(object.spec);
    if (!spec || spec.type === 'ExternalName') return { object };
    if (spec.clusterIP !== 'None') {
      delete spec.clusterIP;
      delete spec.clusterIPs;
    }
    if (!explicit.healthCheckNodePort) delete spec.healthCheckNodePort;
    for (const port of recordsOf(spec.ports)) {
      if (!explicit.ports.has(portKey(port.port, port.protocol))) delete port.nodePort;
    }
    return { object };
  },
};
