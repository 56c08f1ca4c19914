import { WireError } from '../contracts/WireError.ts';
import type { OutcomeLogLine } from './OutcomeLogLine.ts';

/**
 * A warning or an error of a backup, with the object it concerns when it concerns one, as restore items are
 * reported: the type by `kubectl api-resources` name (`deployments.apps`), the namespace and the name; each
 * null when the problem concerns no one type, namespace or object (a rule that failed, a filter that matched
 * nothing).
 */
export interface OutcomeProblem {
  type: string | null;
  namespace: string | null;
  name: string | null;
  message: string;
}

/** A run's warnings and errors as objects, each list in the order the run recorded it. */
export interface OutcomeProblems {
  warnings: OutcomeProblem[];
  errors: OutcomeProblem[];
}

/** The longest warning or error kept; longer ones are cut. */
export const maxOutcomeMessageLength = 1_000;

// Kubernetes bounds: a resource type is a plural (a DNS label) and a group (a DNS subdomain); a namespace is a
// DNS label; a name a DNS subdomain.
const limits = { type: 63 + 1 + 253, namespace: 63, name: 253 } as const;

/** The problem a warning or error line of a backup's log states. */
export function outcomeProblemOf(line: Pick<OutcomeLogLine, 'message' | 'resource' | 'namespace' | 'name'>): OutcomeProblem {
  return { type: line.resource ?? null, namespace: line.namespace ?? null, name: line.name ?? null, message: line.message };
}

/** `deployments.apps shop/web: message`: the one-line form, as `warnings` and `errors` carry it. */
export function describeOutcomeProblem(problem: OutcomeProblem): string {
  const object = [problem.namespace, problem.name].filter(Boolean).join('/');
  const where = [problem.type, object].filter(Boolean).join(' ');
  return where ? `${where}: ${problem.message}` : problem.message;
}

/** A problem that states only a message, such as a one-line warning of an agent older than `problems`. */
export function messageOnlyProblem(message: string): OutcomeProblem {
  return { type: null, namespace: null, name: null, message };
}

/** The problem with its message cut to `maxOutcomeMessageLength`. */
export function cutOutcomeProblem(problem: OutcomeProblem): OutcomeProblem {
  return { ...problem, message: cutOutcomeMessage(problem.message) };
}

export function cutOutcomeMessage(message: string): string {
  return message.length > maxOutcomeMessageLength ? `${message.slice(0, maxOutcomeMessageLength - 1)}…` : message;
}

/** Parses one problem from the wire; throws a `WireError` naming the first bad field under `at`. */
export function parseOutcomeProblem(value: unknown, at: string): OutcomeProblem {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new WireError(at, 'must be an object');
  const o = value as Record<string, unknown>;
  const part = (field: keyof typeof limits): string | null => {
    const v = o[field];
    if (v === null || v === undefined) return null;
    if (typeof v !== 'string' || v.length === 0 || v.length > limits[field]) {
      throw new WireError(`${at}.${field}`, `must be null or 1 to ${limits[field]} characters`);
    }
    return v;
  };
  if (typeof o.message !== 'string' || o.message.length === 0) throw new WireError(`${at}.message`, 'must be a non-empty string');
  return { type: part('type'), namespace: part('namespace'), name: part('name'), message: cutOutcomeMessage(o.message) };
}
