import type { CollectionProblem, CollectionResult } from './CollectionResult.ts';

/**
 * One line of a backup's `log.jsonl` (format v1): a warning or an error of the backup, or what a pre- or
 * post-exec rule did, with where it happened when it concerns a type or an object (a rule's pod is
 * `resource: 'pods'`). Absent fields are left out, not `null`.
 */
export interface BackupLogEntry extends CollectionProblem {
  /** `info` lines report, they do not count as warnings or errors. */
  level: 'info' | 'warning' | 'error';
  /** On the lines of a rule's actions: which action ran, and what it printed. */
  rule?: RuleLogDetail;
}

/** Which action of which rule a log line is about, and its result. Fields are left out when unknown. */
export interface RuleLogDetail {
  hook: 'pre' | 'post';
  id: string;
  name: string;
  /** 1-based positions in the rule's spec. */
  subRule: number;
  action?: number;
  container?: string;
  exitCode?: number;
  /** The last 64 KiB of each stream; `droppedBytes` counts what came before them. */
  stdout?: string;
  stderr?: string;
  droppedBytes?: number;
}

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

const levels: readonly string[] = ['info', 'warning', 'error'];

/** Parses one line of a `log.jsonl` read from a location; throws `SyntaxError` or `TypeError` when it is not one. */
export function parseBackupLogLine(line: string): BackupLogEntry {
  const value: unknown = JSON.parse(line);
  const o = (typeof value === 'object' && value !== null ? value : {}) as Record<string, unknown>;
  if (!levels.includes(o.level as string) || typeof o.message !== 'string') {
    throw new TypeError('a log line needs a level (info, warning or error) and a message');
  }
  const text = (field: string) => (typeof o[field] === 'string' ? { [field]: o[field] as string } : {});
  const rule = parseRuleDetail(o.rule);
  return {
    level: o.level as BackupLogEntry['level'],
    message: o.message,
    ...text('resource'),
    ...text('namespace'),
    ...text('name'),
    ...(rule ? { rule } : {}),
  };
}

/** A line's `rule`, or undefined when it has none; throws `TypeError` when it is not one. */
function parseRuleDetail(value: unknown): RuleLogDetail | undefined {
  if (value === undefined) return undefined;
  const r = (typeof value === 'object' && value !== null ? value : {}) as Record<string, unknown>;
  const count = (field: string) => Number.isSafeInteger(r[field]) && (r[field] as number) >= 0;
  if ((r.hook !== 'pre' && r.hook !== 'post') || typeof r.id !== 'string' || typeof r.name !== 'string' || !count('subRule')) {
    throw new TypeError("a log line's rule needs a hook (pre or post), an id, a name and a sub-rule");
  }
  const text = (field: string) => (typeof r[field] === 'string' ? { [field]: r[field] as string } : {});
  const int = (field: string) => (Number.isSafeInteger(r[field]) ? { [field]: r[field] as number } : {});
  return {
    hook: r.hook,
    id: r.id,
    name: r.name,
    subRule: r.subRule as number,
    ...int('action'),
    ...text('container'),
    ...int('exitCode'),
    ...text('stdout'),
    ...text('stderr'),
    ...int('droppedBytes'),
  };
}
