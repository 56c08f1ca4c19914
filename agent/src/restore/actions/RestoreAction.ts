import type { RestoreSpec } from '../../../../schema/spec/RestoreSpec.ts';
import type { KubeObject } from '../KubeObject.ts';
import type { RestorePlanItem } from '../RestorePlanItem.ts';

/** What every action may consult: the restore, and what the run has restored so far. */
export interface RestoreActionContext {
  spec: RestoreSpec;
  backupId: string;
  restoreId: string;
  /** Every object in the plan by `plannedKey` (type, target namespace, name). */
  planned: ReadonlyMap<string, RestorePlanItem>;
  /** Every object in the plan by `ownerKey` (API group, kind, target namespace, name), as owner references name them. */
  plannedOwners: ReadonlySet<string>;
  /** uid in the target of each object restored so far, by `ownerKey` (target side). */
  restoredUids: ReadonlyMap<string, string>;
  /**
   * Asks for `reference` to be added to `item`'s object once its owner, planned later in the order, is
   * restored (`linkLateOwners`): the object goes in without it, since a reference to a uid that does not
   * exist yet would have the garbage collector delete it.
   */
  deferOwnerReference(item: RestorePlanItem, reference: OwnerReference): void;
  /**
   * A planned item's object, as `applyPlan` would apply it before the actions run: for an action that must
   * look inside another planned object. Plans hold no objects, so each call reads one (keep it to the few
   * items of a kind that need it).
   */
  load(item: RestorePlanItem): Promise<KubeObject>;
}

export type OwnerReference = NonNullable<KubeObject['metadata']['ownerReferences']>[number];

/** An action's verdict: apply this (adjusted) object, or leave the item out for the reason given. */
export type ActionResult = { object: KubeObject } | { skip: string };

/**
 * A per-kind fix-up run on each item before it is applied: it adapts what refers to the source cluster to the
 * target. It receives its own copy of the object and may change it; an action that does not concern the
 * item's kind returns it unchanged. It may answer asynchronously, to `load` another planned object.
 */
export type RestoreAction = (
  object: KubeObject,
  item: RestorePlanItem,
  context: RestoreActionContext,
) => ActionResult | Promise<ActionResult>;

/** The key `RestoreActionContext.planned` uses. */
export function plannedKey(type: string, namespace: string | null, name: string): string {
  return `${type}/${namespace ?? ''}/${name}`;
}

/** The key `RestoreActionContext.plannedOwners` uses; the version is left out, as owners are found by group. */
export function ownerKey(apiVersion: string, kind: string, namespace: string | null, name: string): string {
  const slash = apiVersion.indexOf('/');
  return `${slash < 0 ? '' : apiVersion.slice(0, slash)}/${kind}/${namespace ?? ''}/${name}`;
}
