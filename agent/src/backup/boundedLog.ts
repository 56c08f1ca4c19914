import {
  maxOutcomeLogBytes,
  maxOutcomeLogLines,
  type OutcomeLogLine,
  outcomeLogLineBytes,
} from '#schema/agent/OutcomeLogLine';
import type { BackupLogEntry } from './BackupLogEntry.ts';

/** The part of a backup's log its outcome carries to the hub. */
export interface BoundedLog {
  log: OutcomeLogLine[];
  /** True when lines were left out; the whole log is `backups/<id>/log.jsonl` in the location. */
  logTruncated: boolean;
}

/**
 * The log's lines from the first, as many as fit in `maxOutcomeLogLines` and `maxOutcomeLogBytes` (rule
 * output is already capped per action). Stops at the first line that does not fit, so what the hub shows
 * is always a prefix of `log.jsonl`.
 */
export function boundedLog(lines: readonly BackupLogEntry[]): BoundedLog {
  const log: OutcomeLogLine[] = [];
  let bytes = 0;
  for (const line of lines) {
    const size = outcomeLogLineBytes(line);
    if (log.length === maxOutcomeLogLines || bytes + size > maxOutcomeLogBytes) return { log, logTruncated: true };
    log.push(line);
    bytes += size;
  }
  return { log, logTruncated: false };
}
