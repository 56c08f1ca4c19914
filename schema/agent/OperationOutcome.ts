import { WireError } from '../contracts/WireError.ts';
import { type OutcomeLogLine, parseOutcomeLog } from './OutcomeLogLine.ts';
import {
  cutOutcomeMessage,
  cutOutcomeProblem,
  messageOnlyProblem,
  type OutcomeProblem,
  type OutcomeProblems,
  parseOutcomeProblem,
} from './OutcomeProblem.ts';

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
  /** One line per warning: `describeOutcomeProblem` of each of `problems.warnings` when those are sent. */
  warnings: string[];
  errors: string[];
  /**
   * A backup's warnings and errors with the object each concerns, in the order of `warnings` and `errors` and
   * as many. Hubs that know the field read these; `warnings` and `errors` stay for hubs older than it. Absent
   * from restores (their items say it per object) and from agents older than the field.
   */
  problems?: OutcomeProblems;
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

/** The most kinds `countsByKind` may name (a cluster has a few hundred resource types at most). */
export const maxOutcomeKinds = 2_000;

/** The longest kind name: a resource type is a plural (a DNS label) and a group (a DNS subdomain). */
const maxKindLength = 63 + 1 + 253;

/** Parses an outcome from the wire; throws a `WireError` naming the first bad field (`outcome.bytes`). */
export function parseOperationOutcome(value: unknown): OperationOutcome {
  if (typeof value !== 'object' || value === null) throw new WireError('outcome', 'must be an object');
  const o = value as Record<string, unknown>;
  if (o.phase !== 'Completed' && o.phase !== 'PartiallyFailed') {
    throw new WireError('outcome.phase', 'must be Completed or PartiallyFailed');
  }
  const counts = o.countsByKind;
  if (typeof counts !== 'object' || counts === null || Array.isArray(counts)) {
    throw new WireError('outcome.countsByKind', 'must be an object of counts');
  }
  const countEntries = Object.entries(counts);
  if (countEntries.length > maxOutcomeKinds) {
    throw new WireError('outcome.countsByKind', `must name at most ${maxOutcomeKinds} kinds`);
  }
  for (const [kind, count] of countEntries) {
    if (kind.length === 0 || kind.length > maxKindLength) {
      throw new WireError('outcome.countsByKind', `a kind name must have 1 to ${maxKindLength} characters`);
    }
    if (!Number.isSafeInteger(count) || (count as number) < 0) {
      throw new WireError(`outcome.countsByKind.${kind}`, 'must be a count');
    }
  }
  if (typeof o.bytes !== 'number' || !(o.bytes >= 0)) throw new WireError('outcome.bytes', 'must be ≥ 0');
  if (o.itemCount !== undefined && (!Number.isSafeInteger(o.itemCount) || (o.itemCount as number) < 0)) {
    throw new WireError('outcome.itemCount', 'must be a count');
  }
  const strings = (field: 'warnings' | 'errors') => {
    const list = o[field];
    if (!Array.isArray(list) || !list.every((s) => typeof s === 'string')) {
      throw new WireError(`outcome.${field}`, 'must be a list of strings');
    }
    return bounded(list as string[], field, cutOutcomeMessage, (summary) => summary);
  };
  const warnings = strings('warnings');
  const errors = strings('errors');
  const problems = o.problems === undefined ? undefined : parseProblems(o.problems, warnings, errors);
  if (o.phase === 'Completed' && errors.length > 0) {
    throw new WireError('outcome.phase', 'a run with errors is PartiallyFailed, never Completed');
  }
  if (o.logTruncated !== undefined && typeof o.logTruncated !== 'boolean') {
    throw new WireError('outcome.logTruncated', 'must be a boolean');
  }
  const kinds = o.kinds === undefined ? undefined : parseKinds(o.kinds, counts as Record<string, number>);
  const log = o.log === undefined ? undefined : parseOutcomeLog(o.log, 'outcome.log');
  return {
    phase: o.phase,
    countsByKind: counts as Record<string, number>,
    ...(kinds ? { kinds } : {}),
    bytes: o.bytes,
    ...(o.itemCount === undefined ? {} : { itemCount: o.itemCount as number }),
    warnings,
    errors,
    ...(problems ? { problems } : {}),
    ...(log ? { log } : {}),
    ...(o.logTruncated === undefined ? {} : { logTruncated: o.logTruncated }),
  };
}

/**
 * The outcome with its warnings and errors bounded as the hub keeps them; the agent sends it so, so that a
 * run with very many problems still fits in one message to the hub.
 */
export function boundOutcome(outcome: OperationOutcome): OperationOutcome {
  const { problems } = outcome;
  return {
    ...outcome,
    warnings: bounded(outcome.warnings, 'warnings', cutOutcomeMessage, (summary) => summary),
    errors: bounded(outcome.errors, 'errors', cutOutcomeMessage, (summary) => summary),
    ...(problems
      ? {
          problems: {
            warnings: bounded(problems.warnings, 'warnings', cutOutcomeProblem, messageOnlyProblem),
            errors: bounded(problems.errors, 'errors', cutOutcomeProblem, messageOnlyProblem),
          },
        }
      : {}),
  };
}

/** The outcome with one more error, in every form it carries; it ends PartiallyFailed, since part of the run failed. */
export function withOutcomeError(outcome: OperationOutcome, error: string): OperationOutcome {
  const { problems } = outcome;
  return {
    ...outcome,
    phase: 'PartiallyFailed',
    errors: [...outcome.errors, error],
    ...(problems ? { problems: { ...problems, errors: [...problems.errors, messageOnlyProblem(error)] } } : {}),
  };
}

/**
 * Keeps at most `maxOutcomeMessages` entries, each cut by `cut`; what is left out is said in a last entry, so a
 * cut list never reads as the whole story.
 */
function bounded<T>(
  list: readonly T[],
  field: 'warnings' | 'errors',
  cut: (entry: T) => T,
  summary: (text: string) => T,
): T[] {
  if (list.length <= maxOutcomeMessages) return list.map(cut);
  return [...list.slice(0, maxOutcomeMessages - 1).map(cut), summary(leftOut(list.length, field))];
}

function leftOut(length: number, field: 'warnings' | 'errors'): string {
  const left = length - (maxOutcomeMessages - 1);
  return `… and ${left} more ${field} not kept by the hub; the backup's log in its location has them all`;
}

function parseProblems(value: unknown, warnings: readonly string[], errors: readonly string[]): OutcomeProblems {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new WireError('outcome.problems', 'must be an object of warnings and errors');
  }
  const o = value as Record<string, unknown>;
  const list = (field: 'warnings' | 'errors', lines: readonly string[]): OutcomeProblem[] => {
    const at = `outcome.problems.${field}`;
    const items: unknown = o[field];
    if (!Array.isArray(items)) throw new WireError(at, 'must be a list of problems');
    const cut = items.length > maxOutcomeMessages;
    const problems = (cut ? items.slice(0, maxOutcomeMessages - 1) : items).map((item, i) =>
      parseOutcomeProblem(item, `${at}[${i}]`),
    );
    if (cut) problems.push(messageOnlyProblem(leftOut(items.length, field)));
    // The two forms say one list twice: hubs reading either must see the same run.
    if (problems.length !== lines.length) {
      throw new WireError(at, `must list as many as outcome.${field} (${lines.length})`);
    }
    return problems;
  };
  return { warnings: list('warnings', warnings), errors: list('errors', errors) };
}

/** Whether `value` is a Kubernetes kind: an identifier, as CRDs' `names.kind` must be. */
export function isKind(value: unknown): value is string {
  return typeof value === 'string' && /^[A-Za-z][A-Za-z0-9]{0,62}$/.test(value);
}

function parseKinds(value: unknown, counts: Record<string, number>): Record<string, string> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new WireError('outcome.kinds', 'must be an object of kinds');
  }
  for (const [type, kind] of Object.entries(value)) {
    if (!Object.hasOwn(counts, type)) throw new WireError(`outcome.kinds.${type}`, 'is not a type countsByKind counts');
    if (!isKind(kind)) throw new WireError(`outcome.kinds.${type}`, 'must be a kind');
  }
  return value as Record<string, string>;
}
