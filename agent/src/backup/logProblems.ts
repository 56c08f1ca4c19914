import type { OperationOutcome } from '#schema/agent/OperationOutcome';
import { describeOutcomeProblem, outcomeProblemOf } from '#schema/agent/OutcomeProblem';
import type { BackupLogEntry } from './BackupLogEntry.ts';

/**
 * A backup's warnings and errors as its outcome carries them, from the warning and error lines of its log:
 * each with the object it concerns, and as one line for hubs older than that.
 */
export function logProblems(log: readonly BackupLogEntry[]): Pick<OperationOutcome, 'warnings' | 'errors' | 'problems'> {
  const at = (level: BackupLogEntry['level']) => log.filter((line) => line.level === level).map(outcomeProblemOf);
  const problems = { warnings: at('warning'), errors: at('error') };
  return {
    warnings: problems.warnings.map(describeOutcomeProblem),
    errors: problems.errors.map(describeOutcomeProblem),
    problems,
  };
}
