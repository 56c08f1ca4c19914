import { formatLines, formatWords, parseLines, parseWords } from '../access/listText.ts';
import type { Rule, RuleAction, RuleSpecInput } from './Rule.ts';

/** One action as its form holds it: a shell line or a program with arguments (one per line). */
export interface ActionForm {
  mode: 'command' | 'argv';
  command: string;
  argv: string;
  container: string;
  /** Blank: the hub's default (60 s). */
  timeoutSeconds: string;
  background: boolean;
  runInSinglePod: boolean;
  continueOnFailure: boolean;
}

export interface SubRuleForm {
  /** Label selectors, one per line. */
  podSelectors: string;
  /** Names or `*` patterns; blank: the backup's namespaces. */
  namespaces: string;
  actions: ActionForm[];
}

export interface RuleForm {
  name: string;
  subRules: SubRuleForm[];
}

export function emptyActionForm(): ActionForm {
  return {
    mode: 'command',
    command: '',
    argv: '',
    container: '',
    timeoutSeconds: '',
    background: false,
    runInSinglePod: false,
    continueOnFailure: false,
  };
}

export function emptySubRuleForm(): SubRuleForm {
  return { podSelectors: '', namespaces: '', actions: [emptyActionForm()] };
}

export function emptyRuleForm(): RuleForm {
  return { name: '', subRules: [emptySubRuleForm()] };
}

/** The form of an existing rule, to edit it. */
export function ruleFormFromRule(rule: Rule): RuleForm {
  return {
    name: rule.name,
    subRules: rule.spec.subRules.map((sub) => ({
      podSelectors: formatLines(sub.podSelectors),
      namespaces: formatWords(sub.namespaces),
      actions: sub.actions.map(actionFormOf),
    })),
  };
}

function actionFormOf(action: RuleAction): ActionForm {
  return {
    mode: action.argv ? 'argv' : 'command',
    command: action.command ?? '',
    argv: action.argv ? formatLines(action.argv) : '',
    container: action.container ?? '',
    timeoutSeconds: String(action.timeoutSeconds),
    background: action.background,
    runInSinglePod: action.runInSinglePod,
    continueOnFailure: action.continueOnFailure,
  };
}

/** The `spec` of create/update: the chosen one of command and argv, blanks left to the hub's defaults. */
export function ruleSpecInputFromForm(form: RuleForm): RuleSpecInput {
  return {
    subRules: form.subRules.map((sub) => {
      const namespaces = parseWords(sub.namespaces);
      return {
        podSelectors: parseLines(sub.podSelectors),
        ...(namespaces.length ? { namespaces } : {}),
        actions: sub.actions.map((a) => {
          const container = a.container.trim();
          const timeout = a.timeoutSeconds.trim();
          return {
            ...(a.mode === 'command' ? { command: a.command.trim() } : { argv: parseLines(a.argv) }),
            ...(container ? { container } : {}),
            ...(timeout ? { timeoutSeconds: Number(timeout) } : {}),
            background: a.background,
            runInSinglePod: a.runInSinglePod,
            continueOnFailure: a.continueOnFailure,
          };
        }),
      };
    }),
  };
}

/** A rule action in one line: the command (argv quoted where needed) and how it runs. */
export function describeAction(action: RuleAction): { run: string; how: string } {
  const run = action.command ?? (action.argv ?? []).map(quoteArg).join(' ');
  const how = [
    action.container ? `in container ${action.container}` : 'in the first container',
    action.runInSinglePod ? 'one pod only' : 'each pod',
    action.background ? 'in the background' : undefined,
    `times out after ${action.timeoutSeconds} s`,
    action.continueOnFailure ? 'a failure does not stop the backup' : 'a failure fails the backup',
  ].filter(Boolean);
  return { run, how: how.join(', ') };
}

/** Which pods a sub-rule selects, in words. */
export function describePods(sub: { podSelectors: string[]; namespaces: string[] }): string {
  const pods = `Pods matching ${sub.podSelectors.join(' or ')}`;
  return sub.namespaces.length ? `${pods} in ${sub.namespaces.join(', ')}` : `${pods} in the backup's namespaces`;
}

function quoteArg(arg: string): string {
  return /^[\w@%+=:,./-]+$/.test(arg) ? arg : JSON.stringify(arg);
}
