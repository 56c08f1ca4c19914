import { checkLabelSelector } from './checkLabelSelector.ts';
import { namespacePatternProblem } from './kubernetesNames.ts';
import { WireError } from './WireError.ts';
import { SpecReader } from './SpecReader.ts';
import { specField, specList } from './specList.ts';

/**
 * One command a rule runs in the selected pods through the Kubernetes exec API. Exactly one of `command` (a
 * line run by `/bin/sh -c`, for pipes and variables) and `argv` (run as is, for images without a shell) is set.
 */
export interface RuleAction {
  command: string | null;
  argv: string[] | null;
  /** The container to run in; null means the pod's first container. */
  container: string | null;
  /**
   * Start it and go on without waiting; it is stopped when the backup ends (e.g. a `FLUSH TABLES WITH READ
   * LOCK` session that must stay open while the volumes are copied).
   */
  background: boolean;
  /** Run in one of the matching pods only (e.g. a database dump), not in each of them. */
  runInSinglePod: boolean;
  /** The longest the action may run; a background action is stopped at this time at the latest. */
  timeoutSeconds: number;
  /** Whether the backup goes on when the action fails or times out; by default it fails. */
  continueOnFailure: boolean;
}

/** Pods, and what to run in them, in order. */
export interface SubRule {
  /** Kubernetes label selectors (`app=mysql`, `tier in (db)`); a pod matching any of them is selected. */
  podSelectors: string[];
  /** Namespace names or `*` patterns to look in, within the namespaces the backup takes; empty means all of those. */
  namespaces: string[];
  actions: RuleAction[];
}

/**
 * Commands run in pods before or after a backup, so the data on disk is consistent (flush, freeze, dump).
 * Sub-rules run one after another, and so do the actions of each. Version 1.
 */
export interface RuleSpec {
  version: 1;
  subRules: SubRule[];
}

export const defaultActionTimeoutSeconds = 60;
const maxItems = 20;
const maxCommandLength = 16_384;
const containerName = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

/** Validates a rule from the wire; throws a `WireError` naming the first bad field, under `path` if given. */
export function parseRuleSpec(value: unknown, path = ''): RuleSpec {
  const r = SpecReader.of(value, path);
  r.version('rule spec', [1]);
  const subRules = specList(specField(value, 'subRules'), r.field('subRules'), 1, maxItems);
  return { version: 1, subRules: subRules.map((s, i) => parseSubRule(s, `${r.field('subRules')}[${i}]`)) };
}

function parseSubRule(value: unknown, path: string): SubRule {
  const r = SpecReader.of(value, path);
  const podSelectors = r.stringList('podSelectors', checkLabelSelector);
  if (podSelectors.length === 0 || podSelectors.length > maxItems) {
    throw new WireError(r.field('podSelectors'), `must have 1 to ${maxItems} selectors`);
  }
  const namespaces = r.stringList('namespaces', namespacePatternProblem);
  const actions = specList(specField(value, 'actions'), r.field('actions'), 1, maxItems);
  return {
    podSelectors,
    namespaces,
    actions: actions.map((a, i) => parseAction(a, `${r.field('actions')}[${i}]`)),
  };
}

function parseAction(value: unknown, path: string): RuleAction {
  const r = SpecReader.of(value, path);
  const hasCommand = specField(value, 'command') !== undefined;
  const hasArgv = specField(value, 'argv') !== undefined;
  if (hasCommand === hasArgv) {
    throw new WireError(path, hasCommand ? 'give command or argv, not both' : 'give a command or an argv');
  }
  const tooLong = (text: string) =>
    text.length > maxCommandLength ? `must be at most ${maxCommandLength} characters` : undefined;
  let argv: string[] | null = null;
  if (hasArgv) {
    const list = specList(specField(value, 'argv'), r.field('argv'), 1, 1000);
    argv = list.map((arg, i) => {
      if (typeof arg !== 'string') throw new WireError(`${r.field('argv')}[${i}]`, 'must be a string');
      return arg;
    });
    if (argv[0] === '') throw new WireError(`${r.field('argv')}[0]`, 'must name the program to run');
    const problem = tooLong(argv.join(' '));
    if (problem) throw new WireError(r.field('argv'), problem);
  }
  return {
    command: hasCommand
      ? r.string('command', (c) => (c.trim() === '' ? 'must not be blank' : tooLong(c)))
      : null,
    argv,
    container: r.optionalString('container', (c) =>
      c.length <= 63 && containerName.test(c) ? undefined : `'${c}' is not a container name`,
    ),
    background: r.boolean('background', false),
    runInSinglePod: r.boolean('runInSinglePod', false),
    timeoutSeconds: r.integer('timeoutSeconds', defaultActionTimeoutSeconds, 1, 3600),
    continueOnFailure: r.boolean('continueOnFailure', false),
  };
}
