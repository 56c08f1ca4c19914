import { ownerKey, plannedKey, type RestoreAction } from './RestoreAction.ts';
import { recordOf } from '../recordOf.ts';

/**
 * Objects a controller derives from another restored object are skipped, since the target's controller
 * recreates them from the restored owner, and a restored copy would race it (a Deployment's ReplicaSet and
 * Pods, a Service's EndpointSlices): an object whose controller owner reference names an object of the plan,
 * and the Endpoints of a planned Service that has a selector (the endpoints controller owns those, without an
 * owner reference). Objects whose controller is not restored are restored, their references re-pointed or
 * dropped by `ownerReferencesAction`.
 */
export const controlledObjectAction: RestoreAction = {
  appliesTo: 'everyItem',
  run: async (object, item, { planned, plannedOwners, load }) => {
    const ns = item.targetNamespace;
    const controller = object.metadata.ownerReferences?.find((r) => recordOf(r)?.controller === true);
    if (controller && plannedOwners.has(ownerKey(controller.apiVersion, controller.kind, ns, controller.name))) {
      return { skip: `its controller ${controller.kind} ${controller.name} is restored and recreates it in the target` };
    }
    if (item.type === 'endpoints') {
      const service = planned.get(plannedKey('services', ns, object.metadata.name));
      if (service && recordOf((await load(service)).spec)?.selector) {
        return { skip: `Service ${object.metadata.name} is restored and the target computes its endpoints` };
      }
    }
    return { object };
  },
};
