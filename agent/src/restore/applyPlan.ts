import type { RestoreSpec } from '#schema/contracts/RestoreSpec';
import { describeKubeError, isConflict, isNotFound } from '../kube/KubeJsonClient.ts';
import { type OwnerReference, ownerKey, plannedKey, type RestoreActionContext } from './actions/RestoreAction.ts';
import { actionsFor } from './actions/restoreActions.ts';
import { isOwnRestoreObject, restoreLabelsAction } from './actions/restoreLabelsAction.ts';
import { applyItem, keptReason } from './applyItem.ts';
import { type LateOwners, linkLateOwners } from './linkLateOwners.ts';
import { rebindReleasedVolume } from './rebindReleasedVolume.ts';
import type { ItemOutcome } from './ItemOutcome.ts';
import type { KubeObject } from './KubeObject.ts';
import type { KubeWrite } from '../kube/KubeWriter.ts';
import { apiVersionOf, type RestorePlanItem } from './RestorePlanItem.ts';
import { waitForEstablished } from './waitForEstablished.ts';

/** How long custom objects wait for a CRD restored by the same run to be Established. */
const crdTimeoutMs = 30_000;

/** Who the restore is, for the actions and labels. */
export interface PlanContext {
  spec: RestoreSpec;
  backupId: string;
  restoreId: string;
  signal: AbortSignal;
  /**
   * Decide every item as a real run would (the target's objects read, the actions run) and report what it
   * would do, writing nothing: no namespace made, no CRD waited for, no owner linked, updates sent as
   * server-side dry runs. Defaults to `spec.dryRun`.
   */
  dryRun?: boolean;
  /**
   * The item's object as it goes to the target (namespace mapped, actions not yet run), a fresh copy each
   * call: plans hold no objects, so each is loaded only when it is applied (`loadPlannedObject`).
   */
  load(item: RestorePlanItem): Promise<KubeObject>;
  /** Called after each item with how many are done. */
  onItem(done: number, outcome: ItemOutcome): void;
}

/**
 * Applies a plan item by item, in its order, and returns one outcome per item (plus one per target namespace
 * it had to create). Partial failure is data: a failed item is recorded and the next one tried. Before an
 * item: its target namespace is created when it does not exist and the plan does not restore it; a custom
 * object whose CRD this run restored waits for the CRD to be Established (failing with the reason after
 * 30s); then its object is loaded, the actions that apply to its type run, a claim's volume is made bindable or the claim fails
 * (`rebindReleasedVolume`), and `applyItem` creates it under the spec's existing-resource policy. Owner references to owners restored later in the order are added when the plan has
 * run (`linkLateOwners`); an object that cannot be given them gets a second, failed outcome. One object at a
 * time is held. Only an abort of `signal` throws. A dry run goes through the same steps and decisions, and
 * writes nothing (see `PlanContext.dryRun`), so its outcomes are the real run's item by item.
 */
export async function applyPlan(
  kube: KubeWrite,
  plan: readonly RestorePlanItem[],
  context: PlanContext,
): Promise<ItemOutcome[]> {
  const { spec, signal } = context;
  const dryRun = context.dryRun ?? spec.dryRun;
  const planned = new Map(plan.map((p) => [plannedKey(p.type, p.targetNamespace, p.name), p]));
  const plannedOwners = new Set(plan.map((p) => ownerKey(apiVersionOf(p.entry), p.entry.kind, p.targetNamespace, p.name)));
  const restoredUids = new Map<string, string>();
  const late: LateOwners = new Map();
  const deferOwnerReference = (item: RestorePlanItem, reference: OwnerReference) =>
    late.set(item, [...(late.get(item) ?? []), reference]);
  const actionContext: RestoreActionContext = { ...context, planned, plannedOwners, restoredUids, deferOwnerReference };
  const restoredCrds = new Set<string>();
  const crdVerdicts = new Map<string, string | undefined>();
  const namespacesReady = new Set<string>();
  const outcomes: ItemOutcome[] = [];
  const record = (outcome: ItemOutcome) => {
    outcomes.push(outcome);
    context.onItem(outcomes.length, outcome);
  };

  for (const item of plan) {
    signal.throwIfAborted();
    const name = item.name;
    const ref = { type: item.type, namespace: item.targetNamespace, name };
    const ns = item.targetNamespace;
    if (ns !== null && !namespacesReady.has(ns)) {
      namespacesReady.add(ns);
      if (!planned.has(plannedKey('namespaces', null, ns))) {
        const created = await ensureNamespace(kube, ns, actionContext, dryRun);
        if (created) record(created);
      }
    }
    if (!dryRun && restoredCrds.has(item.type)) {
      if (!crdVerdicts.has(item.type)) {
        crdVerdicts.set(item.type, await waitForEstablished(kube, item.type, crdTimeoutMs, signal));
      }
      const reason = crdVerdicts.get(item.type);
      if (reason !== undefined) {
        record({ ...ref, result: 'failed', error: reason });
        continue;
      }
    }
    let object: KubeObject;
    let skip: string | undefined;
    try {
      object = await context.load(item);
      for (const action of actionsFor(item.type)) {
        const result = await action.run(object, item, actionContext);
        if ('skip' in result) {
          skip = result.skip;
          break;
        }
        object = result.object;
      }
    } catch (error) {
      // The object was verified before anything was applied; losing it now (its spool file gone) fails it alone.
      signal.throwIfAborted();
      const why = error instanceof Error ? error.message : String(error);
      record({ ...ref, result: 'failed', error: `preparing it failed: ${why}` });
      continue;
    }
    if (skip !== undefined) {
      record({ ...ref, result: 'skipped', reason: skip });
      continue;
    }
    const unbindable = await rebindReleasedVolume(kube, item, object, dryRun);
    if (unbindable !== undefined) {
      record({ ...ref, result: 'failed', error: unbindable });
      continue;
    }
    const outcome = await applyItem(kube, item, object, {
      policy: spec.existingResourcePolicy,
      restoreId: context.restoreId,
      dryRun,
      signal,
    });
    if (outcome.result === 'created' || outcome.result === 'updated') {
      // A dry run knows no uid for what it would create: its dependents' references wait, as for a late owner.
      if (outcome.uid !== '') restoredUids.set(ownerKey(object.apiVersion, object.kind, ns, name), outcome.uid);
      if (item.type === 'customresourcedefinitions.apiextensions.k8s.io') restoredCrds.add(name);
    } else {
      late.delete(item);
    }
    record(outcome);
  }
  signal.throwIfAborted();
  if (dryRun) return outcomes;
  for (const failure of await linkLateOwners(kube, late, restoredUids)) record(failure);
  return outcomes;
}

/**
 * Creates target namespace `name` (labelled as restored) when it does not exist; the outcome when it tried
 * (or, in a dry run, would try), and when an earlier attempt of this restore created it.
 */
async function ensureNamespace(
  kube: KubeWrite,
  name: string,
  context: RestoreActionContext,
  dryRun: boolean,
): Promise<ItemOutcome | undefined> {
  const ref = { type: 'namespaces', namespace: null, name };
  try {
    const existing = await kube.get<KubeObject>(`/api/v1/namespaces/${encodeURIComponent(name)}`);
    if (!isOwnRestoreObject(existing, context.restoreId)) return undefined;
    return { ...ref, result: 'created', uid: existing.metadata.uid ?? '', reason: keptReason };
  } catch (error) {
    if (!isNotFound(error)) return { ...ref, result: 'failed', error: describeKubeError(error) };
  }
  if (dryRun) return { ...ref, result: 'created', uid: '' };
  const namespace: KubeObject = { apiVersion: 'v1', kind: 'Namespace', metadata: { name } };
  const item: RestorePlanItem = {
    entry: {
      path: '',
      group: '',
      version: 'v1',
      kind: 'Namespace',
      resource: 'namespaces',
      namespace: null,
      name,
      labels: {},
      size: 0,
      sha256: '',
    },
    type: 'namespaces',
    targetNamespace: null,
    name,
  };
  const labelled = await restoreLabelsAction.run(namespace, item, context);
  if ('skip' in labelled) return undefined;
  try {
    const answer = await kube.send<KubeObject>('POST', '/api/v1/namespaces', labelled.object);
    return { ...ref, result: 'created', uid: answer.metadata.uid ?? '' };
  } catch (error) {
    if (isConflict(error)) return undefined;
    return { ...ref, result: 'failed', error: describeKubeError(error) };
  }
}
