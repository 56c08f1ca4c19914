import { type OutcomeLogLine, parseOutcomeLog } from './OutcomeLogLine.ts';

/**
 * What an agent reports when it completes a backup or restore job. Partial failure is data: a run that
 * skipped or failed some items completes as `PartiallyFailed` with every error listed.
 */
export interface OperationOutcome {
  phase: 'Completed' | 'PartiallyFailed';
  /** Items by type, keyed by `kubectl api-resources` name (`configmaps`, `deployments.apps`). */
  countsByKind: Record<string, number>;
  /**
   * The kind of each type `countsByKind` counts (`configmaps` → `ConfigMap`). Absent from agents older than
   * the field.
   */
  kinds?: Record<string, string>;
  bytes: number;
  /**
   * Every item the run handled: for a restore each item's outcome (created, updated, skipped or failed), so
   * the final progress reads N of N; for a backup the items archived. Absent from agents older than the
   * field, for which the hub counts `countsByKind`.
   */
  itemCount?: number;
  warnings: string[];
  errors: string[];
  /**
   * A backup's log (`log.jsonl`), from its first line, bounded by `maxOutcomeLogLines` and
   * `maxOutcomeLogBytes`. Absent from restores and from agents older than the field.
   */
  log?: OutcomeLogLine[];
  /** True when `log` leaves out lines of the whole log, which stays in the location. */
  logTruncated?: boolean;
}

/** The most warnings, and the most errors, an outcome keeps; past it the rest are summed up in one line. */
export const maxOutcomeMessages = 1_000;

/** The longest warning or error kept; longer ones are cut. */
export const maxOutcomeMessageLength = 1_000;

/** The most kinds `countsByKind` may name (a cluster has a few hundred resource types at most). */
export const maxOutcomeKinds = 2_000;

/** The longest kind name: a resource type is a plural (a DNS label) and a group (a DNS subdomain). */
const maxKindLength = 63 + 1 + 253;

/** An outcome that does not parse: the agent is buggy or of an incompatible version. */
export class OutcomeError extends Error {
  override readonly name = 'OutcomeError';
}

/** Parses an outcome from the wire; throws `OutcomeError` naming the first bad field. */
export function parseOperationOutcome(value: unknown): OperationOutcome {
  if (typeof value !== 'object' || value === null) throw new OutcomeError('outcome: must be an object');
  const o = value as Record<string, unknown>;
  if (o.phase !== 'Completed' && o.phase !== 'PartiallyFailed') {
    throw new OutcomeError('outcome.phase: must be Completed or PartiallyFailed');
  }
  const counts = o.countsByKind;
  if (typeof counts !== 'object' || counts === null || Array.isArray(counts)) {
    throw new OutcomeError('outcome.countsByKind: must be an object of counts');
  }
  const countEntries = Object.entries(counts);
  if (countEntries.length > maxOutcomeKinds) {
    throw new OutcomeError(`outcome.countsByKind: must name at most ${maxOutcomeKinds} kinds`);
  }
  for (const [kind, count] of countEntries) {
    if (kind.length === 0 || kind.length > maxKindLength) {
      throw new OutcomeError(`outcome.countsByKind: a kind name must have 1 to ${maxKindLength} characters`);
    }
    if (!Number.isSafeInteger(count) || (count as number) < 0) {
      throw new OutcomeError(`outcome.countsByKind.${kind}: must be a count`);
    }
  }
  if (typeof o.bytes !== 'number' || !(o.bytes >= 0)) throw new OutcomeError('outcome.bytes: must be ≥ 0');
  if (o.itemCount !== undefined && (!Number.isSafeInteger(o.itemCount) || (o.itemCount as number) < 0)) {
    throw new OutcomeError('outcome.itemCount: must be a count');
  }
  const strings = (field: 'warnings' | 'errors') => {
    const list = o[field];
    if (!Array.isArray(list) || !list.every((s) => typeof s === 'string')) {
      throw new OutcomeError(`outcome.${field}: must be a list of strings`);
    }
    return boundMessages(list as string[], field);
  };
  const errors = strings('errors');
  if (o.phase === 'Completed' && errors.length > 0) {
    throw new OutcomeError('outcome.phase: a run with errors is PartiallyFailed, never Completed');
  }
  if (o.logTruncated !== undefined && typeof o.logTruncated !== 'boolean') {
    throw new OutcomeError('outcome.logTruncated: must be a boolean');
  }
  const kinds = o.kinds === undefined ? undefined : parseKinds(o.kinds, counts as Record<string, number>);
  const log = o.log === undefined ? undefined : parseLog(o.log);
  return {
    phase: o.phase,
    countsByKind: counts as Record<string, number>,
    ...(kinds ? { kinds } : {}),
    bytes: o.bytes,
    ...(o.itemCount === undefined ? {} : { itemCount: o.itemCount as number }),
    warnings: strings('warnings'),
    errors,
    ...(log ? { log } : {}),
    ...(o.logTruncated === undefined ? {} : { logTruncated: o.logTruncated }),
  };
}

/**
 * The outcome with its warnings and errors bounded as the hub keeps them; the agent sends it so, so that a
 * run with very many problems still fits in one message to the hub.
 */
export function boundOutcome(outcome: OperationOutcome): OperationOutcome {
  return { ...outcome, warnings: boundMessages(outcome.warnings, 'warnings'), errors: boundMessages(outcome.errors, 'errors') };
}

/**
 * Keeps at most `maxOutcomeMessages` messages of at most `maxOutcomeMessageLength` characters; what is left
 * out is said in a last line, so a cut list never reads as the whole story.
 */
function boundMessages(list: string[], field: 'warnings' | 'errors'): string[] {
  const cut = (message: string) =>
    message.length > maxOutcomeMessageLength ? `${message.slice(0, maxOutcomeMessageLength - 1)}…` : message;
  if (list.length <= maxOutcomeMessages) return list.map(cut);
  const left = list.length - (maxOutcomeMessages - 1);
  return [
    ...list.slice(0, maxOutcomeMessages - 1).map(cut),
    `… and ${left} more ${field} not kept by the hub; the backup's log in its location has them all`,
  ];
}

/** Whether `value` is a Kubernetes kind: an identifier, as CRDs' `names.kind` must be. */
export function isKind(value: unknown): value is string {
  return typeof value === 'string' && /^[A-Za-z][A-Za-z0-9]{0,62}$/.test(value);
}

function parseKinds(value: unknown, counts: Record<string, number>): Record<string, string> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new OutcomeError('outcome.kinds: must be an object of kinds');
  }
  for (const [type, kind] of Object.entries(value)) {
    if (!Object.hasOwn(counts, type)) throw new OutcomeError(`outcome.kinds.${type}: is not a type countsByKind counts`);
    if (!isKind(kind)) throw new OutcomeError(`outcome.kinds.${type}: must be a kind`);
  }
  return value as Record<string, string>;
}

function parseLog(value: unknown): OutcomeLogLine[] {
  try {
    return parseOutcomeLog(value, 'outcome.log');
  } catch (error) {
    if (error instanceof TypeError) throw new OutcomeError(error.message);
    throw error;
  }
}
