import { type OperationOutcome, parseOperationOutcome } from '#schema/agent/OperationOutcome';
import { messageOnlyProblem, type OutcomeProblems } from '#schema/agent/OutcomeProblem';
import { WireError } from '#schema/contracts/WireError';
import { BadUserInputError } from '../errors/errors.ts';
import type { BackupPhase, BackupResultSummary } from './backupLifecycle.ts';

/** The end of a backup or restore, as its row records it. */
export interface OperationEnd {
  phase: Extract<BackupPhase, 'Completed' | 'PartiallyFailed' | 'Failed'>;
  completedAt: Date;
  result: BackupResultSummary;
}

/** What a backup or restore job reports on success, parsed where it enters; malformed is BAD_USER_INPUT. */
export function parseOutcomeInput(value: unknown): OperationOutcome {
  try {
    return parseOperationOutcome(value);
  } catch (error) {
    if (error instanceof WireError) throw new BadUserInputError(error.field, error.problem);
    throw error;
  }
}

/** A backup or restore that failed as a whole (its job failed or was cancelled), with the one reason. */
export function failedOperation(error: string, now: Date): OperationEnd {
  return { phase: 'Failed', completedAt: now, result: { countsByKind: {}, warnings: [], errors: [error] } };
}

/**
 * A backup or restore that ran: its phase and per-item results as the agent reported them, every warning and
 * error one line each and, when the agent sent them, as objects.
 */
export function endedOperation(outcome: OperationOutcome, now: Date): OperationEnd {
  return {
    phase: outcome.phase,
    completedAt: now,
    result: {
      countsByKind: outcome.countsByKind,
      ...(outcome.kinds ? { kinds: outcome.kinds } : {}),
      warnings: outcome.warnings,
      errors: outcome.errors,
      ...(outcome.problems ? { problems: outcome.problems } : {}),
      ...(outcome.log ? { log: outcome.log, logTruncated: outcome.logTruncated ?? false } : {}),
    },
  };
}

/**
 * A result's warnings and errors as objects: as the agent sent them, or, for a failure and for agents older
 * than the field, each line as a problem concerning no one object.
 */
export function resultProblems(result: BackupResultSummary): OutcomeProblems {
  return (
    result.problems ?? {
      warnings: result.warnings.map(messageOnlyProblem),
      errors: result.errors.map(messageOnlyProblem),
    }
  );
}
