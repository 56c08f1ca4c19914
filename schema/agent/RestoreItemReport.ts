import { WireError } from '../contracts/WireError.ts';

/** What a restore can do with one item. */
export const restoreItemResults = ['created', 'updated', 'skipped', 'failed'] as const;
export type RestoreItemResult = (typeof restoreItemResults)[number];

/**
 * What a restore did with one item of its plan, on the target side; for a dry run, what a real run would
 * do, with an empty `uid` for an object it would create. A created or updated item may say how in `reason`
 * (replaced; updated where `replace` was asked; created by an earlier attempt of the restore).
 */
export type RestoreItem = {
  /** `kubectl api-resources` name (`configmaps`, `deployments.apps`). */
  type: string;
  /** Target namespace; null for cluster-scoped objects. */
  namespace: string | null;
  name: string;
} & (
  | { result: 'created' | 'updated'; uid: string; reason?: string }
  | { result: 'skipped'; reason: string }
  | { result: 'failed'; error: string }
);

/**
 * One item as the agent reports it with `reportRestoreItems`: `index` numbers a run's items from 0 in the
 * order they were applied, so the hub stores each at most once however often a batch is delivered.
 */
export type RestoreItemReport = RestoreItem & { index: number };

/** The most items one `reportRestoreItems` call may carry. */
export const maxRestoreItemsPerReport = 500;

/** The longest `reason` or `error` kept; longer texts are cut, not refused. */
export const maxRestoreItemMessageLength = 4000;

/** An item as it travels in GraphQL (`RestoreItemInput`): one nullable field per result's detail. */
export interface RestoreItemWire {
  index: number;
  type: string;
  namespace: string | null;
  name: string;
  result: string;
  uid: string | null;
  reason: string | null;
  error: string | null;
}

/** The GraphQL shape of an item, for sending. */
export function restoreItemWireOf(item: RestoreItemReport): RestoreItemWire {
  return {
    index: item.index,
    type: item.type,
    namespace: item.namespace,
    name: item.name,
    result: item.result,
    uid: 'uid' in item ? item.uid : null,
    reason: 'reason' in item && item.reason !== undefined ? item.reason : null,
    error: 'error' in item ? item.error : null,
  };
}

// Kubernetes bounds: a name (DNS subdomain) is at most 253 characters, a namespace (DNS label) 63, and a
// resource type is a plural (a label) and a group (a subdomain). A uid is a UUID; some room is left.
const limits = { type: 63 + 1 + 253, namespace: 63, name: 253, uid: 128 } as const;

/**
 * Parses one item from the wire; throws a `WireError` naming the first bad field under `field`
 * (`items[3].result`). The result's own detail is required and the others must be null, but for the
 * optional `reason` of a created or updated item; an empty `uid` (the API server did not say, or a dry run
 * cannot know) is kept as given.
 */
export function parseRestoreItemReport(value: RestoreItemWire, field: string): RestoreItemReport {
  const bad = (name: string, problem: string) => new WireError(`${field}.${name}`, problem);
  if (!Number.isSafeInteger(value.index) || value.index < 0) throw bad('index', 'must be an integer ≥ 0');
  const text = (name: 'type' | 'name' | 'namespace' | 'uid', s: string, minimum = 1) => {
    if (s.length < minimum || s.length > limits[name]) {
      throw bad(name, `must be ${minimum} to ${limits[name]} characters`);
    }
    return s;
  };
  const ref = {
    index: value.index,
    type: text('type', value.type),
    namespace: value.namespace === null ? null : text('namespace', value.namespace),
    name: text('name', value.name),
  };
  const only = (kept: 'uid' | 'reason' | 'error', optional?: 'reason') => {
    for (const other of ['uid', 'reason', 'error'] as const) {
      if (other !== kept && other !== optional && value[other] !== null) {
        throw bad(other, `must be null for a ${value.result} item`);
      }
    }
    const detail = value[kept];
    if (detail === null) throw bad(kept, `is required for a ${value.result} item`);
    return detail;
  };
  const message = (kept: 'reason' | 'error') => {
    const detail = only(kept);
    if (detail.length === 0) throw bad(kept, 'must not be empty');
    return detail.slice(0, maxRestoreItemMessageLength);
  };
  switch (value.result) {
    case 'created':
    case 'updated': {
      const uid = text('uid', only('uid', 'reason'), 0);
      if (value.reason === null) return { ...ref, result: value.result, uid };
      if (value.reason.length === 0) throw bad('reason', 'must not be empty');
      return { ...ref, result: value.result, uid, reason: value.reason.slice(0, maxRestoreItemMessageLength) };
    }
    case 'skipped':
      return { ...ref, result: 'skipped', reason: message('reason') };
    case 'failed':
      return { ...ref, result: 'failed', error: message('error') };
    default:
      throw bad('result', `must be one of ${restoreItemResults.join(', ')}`);
  }
}
