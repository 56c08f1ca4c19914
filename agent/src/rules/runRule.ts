import type { ResolvedRule } from '#schema/agent/JobPayload';
import type { RuleAction } from '#schema/contracts/RuleSpec';
import type { BackupLogEntry } from '../backup/BackupLogEntry.ts';
import { describeKubeError, type KubeJson } from '../kube/KubeJsonClient.ts';
import { describeCommand } from './actionArgv.ts';
import { type ActionRef, describeRef } from './ActionRef.ts';
import type { BackgroundActions } from './BackgroundActions.ts';
import { describeActionEnd, lastOutputLine, podAndContainer, seconds } from './describeActionEnd.ts';
import { listRulePods } from './listRulePods.ts';
import type { PodExec } from './PodExec.ts';
import type { RulePod } from './RulePod.ts';
import { ruleLogEntry } from './ruleLogEntry.ts';
import { type ActionRun, runActionInPod } from './runActionInPod.ts';

/** What running a rule needs and where it reports. */
export interface RuleContext {
  kube: KubeJson;
  exec: PodExec;
  hook: 'pre' | 'post';
  /** The namespaces the backup takes, where sub-rules that name none look for pods. */
  namespaces: readonly string[];
  /** Ends the foreground actions (and the rule) when it aborts: the job was cancelled. */
  signal: AbortSignal;
  /** Where the rule's background actions go, to run until the backup ends. */
  background: BackgroundActions;
  log(entry: BackupLogEntry): void;
  progress(message: string): void;
}

/** How many pods one action runs in at once. */
const podsAtOnce = 8;

/**
 * Runs a rule: its sub-rules one after another, and the actions of each in order. An action runs in every
 * pod the sub-rule selects (`listRulePods`), at most a few at once, or in the first of them with
 * `runInSinglePod`; a background action is started there and handed to `context.background`.
 *
 * Every run becomes a log line: `info` when it exited 0, else `warning` when the action may fail
 * (`continueOnFailure`) and `error` when not. A sub-rule that selects no pod is a warning, not a failure:
 * the application may be scaled to zero, and there is then nothing to make consistent.
 *
 * Resolves with a message saying what failed when an action without `continueOnFailure` failed in any pod
 * (the rule stops there), and with undefined when the rule ran through. Rejects with the signal's reason
 * when `context.signal` aborts, and with the `lost` reason of `context.background` when one of its
 * background actions has ended too early.
 */
export async function runRule(rule: ResolvedRule, context: RuleContext): Promise<string | undefined> {
  for (const [subRuleIndex, subRule] of rule.spec.subRules.entries()) {
    const subRef: ActionRef = { hook: context.hook, rule, subRule: subRuleIndex };
    let pods: RulePod[];
    try {
      pods = await listRulePods(context.kube, subRule, context.namespaces);
    } catch (error) {
      const message = `could not list its pods: ${describeKubeError(error)}`;
      const mayFail = subRule.actions.every((a) => a.continueOnFailure);
      context.log(ruleLogEntry(mayFail ? 'warning' : 'error', subRef, message));
      if (!mayFail) return `${describeRef(subRef)} ${message}`;
      continue;
    }
    if (pods.length === 0) {
      const where =
        subRule.namespaces.length > 0
          ? `the namespaces of the backup matching ${subRule.namespaces.join(', ')}`
          : 'the namespaces of the backup';
      const message = `no Running pod matches ${subRule.podSelectors.join(' or ')} in ${where}; its actions did not run`;
      context.log(ruleLogEntry('warning', subRef, message));
      context.progress(`${describeRef(subRef)}: ${message}`);
      continue;
    }
    for (const [actionIndex, action] of subRule.actions.entries()) {
      context.signal.throwIfAborted();
      context.background.lost.throwIfAborted();
      const ref: ActionRef = { ...subRef, action: actionIndex, command: describeCommand(action) };
      const targets = action.runInSinglePod ? pods.slice(0, 1) : pods;
      const where = targets.length === 1 ? `pod ${podName(targets[0] as RulePod)}` : `${targets.length} pods`;
      context.progress(`${describeRef(ref)}: ${action.background ? 'starting in the background' : 'running'} in ${where}`);
      const failed = action.background
        ? await context.background.start(ref, action, targets)
        : await runInPods(ref, action, targets, context);
      context.signal.throwIfAborted();
      const first = failed[0];
      if (first && !action.continueOnFailure) {
        const hint = lastOutputLine(first);
        const others = failed.length > 1 ? ` (and in ${failed.length - 1} more pod(s))` : '';
        return `${describeRef(ref)}, ${podAndContainer(first)}${others}: ${describeActionEnd(first.end, action.background)}${hint ? `; ${hint}` : ''}`;
      }
    }
  }
  return undefined;
}

/** Runs a foreground action in each pod and logs each run; resolves with the runs that failed. */
async function runInPods(
  ref: ActionRef,
  action: RuleAction,
  pods: readonly RulePod[],
  context: RuleContext,
): Promise<ActionRun[]> {
  const runs: ActionRun[] = [];
  for (let i = 0; i < pods.length; i += podsAtOnce) {
    const batch = pods.slice(i, i + podsAtOnce);
    runs.push(...(await Promise.all(batch.map((pod) => runActionInPod(context.exec, pod, action, context)))));
  }
  const failed: ActionRun[] = [];
  for (const run of runs) {
    const ok = run.end.kind === 'exited' && run.end.exitCode === 0;
    if (!ok) failed.push(run);
    const outcome = `${describeActionEnd(run.end, false)} after ${seconds(run.durationMs)}`;
    context.log(ruleLogEntry(ok ? 'info' : action.continueOnFailure ? 'warning' : 'error', ref, outcome, run));
    context.progress(`${describeRef(ref)} in pod ${podName(run.pod)}: ${outcome}`);
  }
  return failed;
}

function podName(pod: RulePod): string {
  return `${pod.namespace}/${pod.name}`;
}
