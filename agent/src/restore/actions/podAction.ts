import type { RestoreAction } from './RestoreAction.ts';
import { recordOf } from '../recordOf.ts';

/** Pods: `nodeName` names a node of the source cluster; cleared so the target's scheduler places the pod. */
export const podAction: RestoreAction = {
  appliesTo: { types: ['pods'] },
  run: (object) => {
    const spec = recordOf(object.spec);
    if (spec) delete spec.nodeName;
    return { object };
  },
};
