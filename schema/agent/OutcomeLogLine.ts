import { WireError } from '../contracts/WireError.ts';

/**
 * One line of a backup's log as its outcome carries it: the same fields as a line of `log.jsonl` (format v1,
 * 'schema/format/README.md'). Absent fields are left out.
 */
export interface OutcomeLogLine {
  level: 'info' | 'warning' | 'error';
  message: string;
  resource?: string;
  namespace?: string;
  name?: string;
  rule?: OutcomeRuleDetail;
}

/** Which action of which rule a line is about, and what it printed (the last 64 KiB of each stream). */
export interface OutcomeRuleDetail {
  hook: 'pre' | 'post';
  id: string;
  name: string;
  subRule: number;
  action?: number;
  container?: string;
  exitCode?: number;
  stdout?: string;
  stderr?: string;
  droppedBytes?: number;
}

/** At most this many lines travel in an outcome; the whole log stays in the location. */
export const maxOutcomeLogLines = 1_000;
/** At most this many bytes of log lines, each counted as its JSON, travel in an outcome. */
export const maxOutcomeLogBytes = 256 * 1024;

/** The size a line counts for against `maxOutcomeLogBytes`. */
export function outcomeLogLineBytes(line: OutcomeLogLine): number {
  return encoder.encode(JSON.stringify(line)).length;
}

const encoder = new TextEncoder();
const levels: readonly unknown[] = ['info', 'warning', 'error'];

/**
 * Parses the `log` of an outcome from the wire, bounded by `maxOutcomeLogLines` and `maxOutcomeLogBytes`;
 * throws a `WireError` naming the first bad field, relative to `at` ('outcome.log').
 */
export function parseOutcomeLog(value: unknown, at: string): OutcomeLogLine[] {
  if (!Array.isArray(value)) throw new WireError(at, 'must be a list of log lines');
  if (value.length > maxOutcomeLogLines) throw new WireError(at, `must hold at most ${maxOutcomeLogLines} lines`);
  let bytes = 0;
  const lines = value.map((item, i) => {
    const line = parseLogLine(item, `${at}[${i}]`);
    bytes += outcomeLogLineBytes(line);
    return line;
  });
  if (bytes > maxOutcomeLogBytes) throw new WireError(at, `must hold at most ${maxOutcomeLogBytes} bytes`);
  return lines;
}

/** Parses one log line (of an outcome, or of a `log.jsonl` read back); throws a `WireError` naming the bad field under `at`. */
export function parseLogLine(value: unknown, at: string): OutcomeLogLine {
  const o = asObject(value, at);
  if (!levels.includes(o.level)) throw new WireError(`${at}.level`, 'must be info, warning or error');
  const rule = o.rule === undefined ? undefined : parseRule(o.rule, `${at}.rule`);
  return {
    level: o.level as OutcomeLogLine['level'],
    message: text(o, 'message', at, true) as string,
    ...optional(o, ['resource', 'namespace', 'name'], at),
    ...(rule ? { rule } : {}),
  };
}

function parseRule(value: unknown, at: string): OutcomeRuleDetail {
  const r = asObject(value, at);
  if (r.hook !== 'pre' && r.hook !== 'post') throw new WireError(`${at}.hook`, 'must be pre or post');
  const ints: Partial<Record<'subRule' | 'action' | 'exitCode' | 'droppedBytes', number>> = {};
  for (const field of ['subRule', 'action', 'exitCode', 'droppedBytes'] as const) {
    if (r[field] === undefined && field !== 'subRule') continue;
    if (!Number.isSafeInteger(r[field]) || (field !== 'exitCode' && (r[field] as number) < 0)) {
      throw new WireError(`${at}.${field}`, 'must be an integer');
    }
    ints[field] = r[field] as number;
  }
  return {
    hook: r.hook,
    id: text(r, 'id', at, true) as string,
    name: text(r, 'name', at, true) as string,
    subRule: ints.subRule as number,
    ...(ints.action === undefined ? {} : { action: ints.action }),
    ...optional(r, ['container'], at),
    ...(ints.exitCode === undefined ? {} : { exitCode: ints.exitCode }),
    ...optional(r, ['stdout', 'stderr'], at),
    ...(ints.droppedBytes === undefined ? {} : { droppedBytes: ints.droppedBytes }),
  };
}

function asObject(value: unknown, at: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new WireError(at, 'must be an object');
  return value as Record<string, unknown>;
}

function text(o: Record<string, unknown>, field: string, at: string, required: boolean): string | undefined {
  const value = o[field];
  if (value === undefined && !required) return undefined;
  if (typeof value !== 'string') throw new WireError(`${at}.${field}`, 'must be a string');
  return value;
}

function optional(o: Record<string, unknown>, fields: readonly string[], at: string): Record<string, string> {
  const present: Record<string, string> = {};
  for (const field of fields) {
    const value = text(o, field, at, false);
    if (value !== undefined) present[field] = value;
  }
  return present;
}
