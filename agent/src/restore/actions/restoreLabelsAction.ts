import type { KubeObject } from '../KubeObject.ts';
import type { RestoreAction } from './RestoreAction.ts';

/** The keys naming the backup and the restore an object came from, on every object the restore writes. */
export const restoreLabelKeys = { backup: 'fleetback.io/backup', restore: 'fleetback.io/restore' } as const;

/**
 * Types whose labels the target's controllers copy onto objects they make: the endpoints and EndpointSlice
 * controllers give a Service's labels to its Endpoints and EndpointSlices, and EndpointSlice mirroring gives
 * an Endpoints' labels to its slices. Labelled, those objects would carry the restore's label too, and a
 * selection by it ("what did this restore create", "undo it") would take objects the restore never wrote.
 */
const labelsCopiedByControllers = new Set(['services', 'endpoints']);

/**
 * Marks every restored object with the backup and the restore it came from, so a restore can be found (and
 * undone) with a label selector: as labels, except on Services and Endpoints (see `labelsCopiedByControllers`),
 * which carry the same keys as annotations, which those controllers do not copy. Ids longer than a label value
 * allows (63) are cut; they stay unique in practice, since hub ids are far shorter.
 */
export const restoreLabelsAction: RestoreAction = {
  appliesTo: 'everyItem',
  run: (object, item, { backupId, restoreId }) => {
    const marks = { [restoreLabelKeys.backup]: labelValue(backupId), [restoreLabelKeys.restore]: labelValue(restoreId) };
    if (labelsCopiedByControllers.has(item.type)) {
      object.metadata.annotations = { ...object.metadata.annotations, ...marks };
    } else {
      object.metadata.labels = { ...object.metadata.labels, ...marks };
    }
    return { object };
  },
};

/**
 * Whether the target's object was created by restore `restoreId`: it carries that restore's mark, as a label or
 * (Services, Endpoints) as an annotation.
 */
export function isOwnRestoreObject(existing: KubeObject, restoreId: string): boolean {
  const { labels, annotations } = existing.metadata;
  const mark = labelValue(restoreId);
  return labels?.[restoreLabelKeys.restore] === mark || annotations?.[restoreLabelKeys.restore] === mark;
}

/**
 * `desired` with the restore marks the target's `existing` object has (or none, when it has none) in place of
 * this restore's, in labels and annotations alike: an update is not a creation, and must not mark the object as
 * this restore's.
 */
export function withTargetRestoreLabels(desired: KubeObject, existing: KubeObject): KubeObject {
  const object = structuredClone(desired);
  for (const field of ['labels', 'annotations'] as const) {
    const values = { ...object.metadata[field] };
    for (const key of Object.values(restoreLabelKeys)) {
      const theirs = existing.metadata[field]?.[key];
      if (theirs === undefined) delete values[key];
      else values[key] = theirs;
    }
    if (Object.keys(values).length > 0) object.metadata[field] = values;
    else delete object.metadata[field];
  }
  return object;
}

/** A valid label value: at most 63 characters of `[A-Za-z0-9._-]`, starting and ending alphanumeric. */
function labelValue(id: string): string {
  return id
    .replace(/[^A-Za-z0-9._-]/g, '-')
    .slice(0, 63)
    .replace(/^[^A-Za-z0-9]+|[^A-Za-z0-9]+$/g, '');
}
