import { type OutcomeLogLine, parseOutcomeLog } from './OutcomeLogLine.ts';

/**
 * What an agent reports when it completes a backup or restore job. Partial failure is data: a run that
 * skipped or failed some items completes as `PartiallyFailed` with every error listed.
 */
export interface OperationOutcome {
  phase: 'Completed' | 'PartiallyFailed';
  countsByKind: Record<string, number>;
  bytes: number;
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
  const kinds = Object.entries(counts);
  if (kinds.length > maxOutcomeKinds) throw new OutcomeError(`outcome.countsByKind: must name at most ${maxOutcomeKinds} kinds`);
  for (const [kind, count] of kinds) {
    if (kind.length === 0 || kind.length > maxKindLength) {
      throw new OutcomeError(`outcome.countsByKind: a kind name must have 1 to ${maxKindLength} characters`);
    }
    if (!Number.isSafeInteger(count) || (count as number) < 0) {
      throw new OutcomeError(`outcome.countsByKind.${kind}: must be a count`);
    }
  }
  if (typeof o.bytes !== 'number' || !(o.bytes >= 0)) throw new OutcomeError('outcome.bytes: must be ≥ 0');
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
  const log = o.log === undefined ? undefined : parseLog(o.log);
  return {
    phase: o.phase,
    countsByKind: counts as Record<string, number>,
    bytes: o.bytes,
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

function parseLog(value: unknown): OutcomeLogLine[] {
  try {
    return parseOutcomeLog(value, 'outcome.log');
  } catch (error) {
    if (error instanceof TypeError) throw new OutcomeError(error.message);
    throw error;
  }
}
