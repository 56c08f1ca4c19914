import type { RuleAction } from '#schema/contracts/RuleSpec';
import { actionArgv } from './actionArgv.ts';
import { type CapturedOutput, OutputTail } from './OutputTail.ts';
import type { ExecEnd, PodExec } from './PodExec.ts';
import { containerFor, type RulePod } from './RulePod.ts';

/** How an action ended in one pod: as its exec session ended, or at its timeout. */
export type ActionEnd = ExecEnd | { kind: 'timedOut'; seconds: number };

/** One action's run in one pod, with what it printed. */
export interface ActionRun {
  pod: RulePod;
  /** Undefined when the pod has no container to run it in (then `end` says so). */
  container: string | undefined;
  end: ActionEnd;
  durationMs: number;
  stdout: CapturedOutput;
  stderr: CapturedOutput;
}

export interface RunActionOptions {
  /** Stops the action early: the job was cancelled, or a background action's backup has ended. */
  signal: AbortSignal;
  /** Called once the command has started; not called when it could not be. */
  onStarted?: () => void;
}

/**
 * Runs one action in one pod and resolves with how it ended; never rejects. The action's `timeoutSeconds`
 * is enforced by closing its exec session, which ends it as `timedOut`; a background action holds its
 * stdin open, so that closing it tells the command to stop.
 */
export async function runActionInPod(
  exec: PodExec,
  pod: RulePod,
  action: RuleAction,
  options: RunActionOptions,
): Promise<ActionRun> {
  const stdout = new OutputTail();
  const stderr = new OutputTail();
  const started = Date.now();
  const chosen = containerFor(pod, action);
  const run = (container: string | undefined, end: ActionEnd): ActionRun => ({
    pod,
    container,
    end,
    durationMs: Date.now() - started,
    stdout: stdout.captured(),
    stderr: stderr.captured(),
  });
  if ('problem' in chosen) return run(undefined, { kind: 'failed', message: chosen.problem });

  const timeout = AbortSignal.timeout(action.timeoutSeconds * 1000);
  const signal = AbortSignal.any([options.signal, timeout]);
  const end = await exec.run({
    namespace: pod.namespace,
    pod: pod.name,
    container: chosen.container,
    argv: actionArgv(action),
    stdout,
    stderr,
    holdStdin: action.background,
    signal,
    onStarted: options.onStarted,
  });
  // `any` keeps the reason of whichever signal fired first.
  const timedOut = end.kind === 'stopped' && timeout.aborted && signal.reason === timeout.reason;
  return run(chosen.container, timedOut ? { kind: 'timedOut', seconds: action.timeoutSeconds } : end);
}
