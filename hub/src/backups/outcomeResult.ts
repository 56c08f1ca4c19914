import type { OperationOutcome } from '#schema/agent/OperationOutcome';
import { messageOnlyProblem, type OutcomeProblems } from '#schema/agent/OutcomeProblem';
import type { BackupResultSummary } from './backupLifecycle.ts';

/**
 * What the catalog keeps of a finished backup's (or restore's) outcome: the counts, every warning and error
 * (one line each, and as objects when the agent sent them) and the bounded log.
 */
export function outcomeResult(outcome: OperationOutcome): BackupResultSummary {
  return {
    countsByKind: outcome.countsByKind,
    ...(outcome.kinds ? { kinds: outcome.kinds } : {}),
    warnings: outcome.warnings,
    errors: outcome.errors,
    ...(outcome.problems ? { problems: outcome.problems } : {}),
    ...(outcome.log ? { log: outcome.log, logTruncated: outcome.logTruncated ?? false } : {}),
  };
}

/** The result of a run that failed whole: nothing counted, the one error why. */
export function failedResult(error: string): BackupResultSummary {
  return { countsByKind: {}, warnings: [], errors: [error] };
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
