import {
  type OutcomeLogLine,
  type OutcomeRuleDetail,
  parseLogLine,
} from '#schema/agent/OutcomeLogLine';
import type { CollectionProblem, CollectionResult } from './CollectionResult.ts';

/**
 * One line of a backup's `log.jsonl` (format v1): a warning or an error of the backup, or what a pre- or
 * post-exec rule did (`info` lines report, they do not count as warnings or errors). The outcome carries the
 * same lines, so there is one definition, in the agent protocol.
 */
export type BackupLogEntry = OutcomeLogLine;

/** Which action of which rule a log line is about, and its result (the last 64 KiB of each stream). */
export type RuleLogDetail = OutcomeRuleDetail;

/** The log of a collection: every warning, then every error, each in the order recorded. */
export function logEntriesOf(result: CollectionResult): BackupLogEntry[] {
  const entry = (level: BackupLogEntry['level'], p: CollectionProblem): BackupLogEntry => ({
    level,
    message: p.message,
    ...(p.resource === undefined ? {} : { resource: p.resource }),
    ...(p.namespace === undefined ? {} : { namespace: p.namespace }),
    ...(p.name === undefined ? {} : { name: p.name }),
  });
  return [...result.warnings.map((p) => entry('warning', p)), ...result.errors.map((p) => entry('error', p))];
}

/** Parses one line of a `log.jsonl` read from a location; throws `SyntaxError` or a `WireError` when it is not one. */
export function parseBackupLogLine(line: string): BackupLogEntry {
  return parseLogLine(JSON.parse(line), 'log line');
}
