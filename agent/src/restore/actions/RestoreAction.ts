import type { RestoreSpec } from '#schema/contracts/RestoreSpec';
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
 * The items an action adapts, as Velero's `AppliesTo`: the plan types (`resource.group`, e.g. `services`,
 * `jobs.batch`) it concerns, at least one, or `'everyItem'` for what any object may carry (owner references,
 * annotations, labels). The loop runs an action only on the items it applies to.
 */
export type AppliesTo = { types: readonly [string, ...string[]] } | 'everyItem';

/**
 * A fix-up run on each item it applies to before the item is applied: it adapts what refers to the source
 * cluster to the target. `run` receives its own copy of the object and may change it; it may answer
 * asynchronously, to `load` another planned object.
 */
export interface RestoreAction {
  readonly appliesTo: AppliesTo;
  run(object: KubeObject, item: RestorePlanItem, context: RestoreActionContext): ActionResult | Promise<ActionResult>;
}

/** Whether `action` runs on an item of plan type `type`. */
export function appliesTo(action: RestoreAction, type: string): boolean {
  return action.appliesTo === 'everyItem' || action.appliesTo.types.includes(type);
}

/** The key `RestoreActionContext.planned` uses. */
export function plannedKey(type: string, namespace: string | null, name: string): string {
  return `${type}/${namespace ?? ''}/${name}`;
}

/** The key `RestoreActionContext.plannedOwners` uses; the version is left out, as owners are found by group. */
export function ownerKey(apiVersion: string, kind: string, namespace: string | null, name: string): string {
  const slash = apiVersion.indexOf('/');
  return `${slash < 0 ? '' : apiVersion.slice(0, slash)}/${kind}/${namespace ?? ''}/${name}`;
}
