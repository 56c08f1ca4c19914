import type { RuleAction } from '#schema/contracts/RuleSpec';
import type { BackupLogEntry } from '../backup/BackupLogEntry.ts';
import { JobFailure } from '../jobs/JobFailure.ts';
import { type ActionRef, describeRef } from './ActionRef.ts';
import { describeActionEnd, lastOutputLine, podAndContainer, seconds } from './describeActionEnd.ts';
import type { PodExec } from './PodExec.ts';
import type { RulePod } from './RulePod.ts';
import { ruleLogEntry } from './ruleLogEntry.ts';
import { type ActionRun, runActionInPod } from './runActionInPod.ts';

/** Where background actions report. */
export interface BackgroundReports {
  log(entry: BackupLogEntry): void;
  progress(message: string): void;
}

/**
 * The background actions of a rule: started, and kept running while the backup runs, until `stop()`.
 *
 * Each is meant to run until it is stopped (it holds a lock, say). One that ends by itself with code 0 has
 * simply finished early. One that fails or reaches its timeout before `stop()` has let go too early for the
 * backup to be consistent: unless it has `continueOnFailure` (then it is a warning), `lost` aborts with a
 * `JobFailure` saying so, and the backup, which runs under that signal, fails.
 *
 * The backup goes on as soon as each command has started: one that needs a moment to get ready (to take a
 * lock) is followed in its sub-rule by a foreground action that waits until it is. Stopping asks each
 * command to stop through its stdin and then closes its exec session (`PodExec`). Each action's end and
 * output become one log line when it ends.
 */
export class BackgroundActions {
  readonly #stop = new AbortController();
  readonly #lost = new AbortController();
  /** Each started run, settled once it has ended and been logged. */
  readonly #runs: Promise<void>[] = [];

  constructor(
    private readonly exec: PodExec,
    private readonly reports: BackgroundReports,
  ) {}

  /** Aborts, with a `JobFailure` as its reason, when an action without `continueOnFailure` ends too early. */
  get lost(): AbortSignal {
    return this.#lost.signal;
  }

  /**
   * Starts `action` in each pod and resolves once every one of them has started or ended. Resolves with the
   * runs that could not start or ended at once with a failure (their log lines are written), for the rule
   * to decide whether that stops it.
   */
  async start(ref: ActionRef, action: RuleAction, pods: readonly RulePod[]): Promise<ActionRun[]> {
    const failedAtStart: ActionRun[] = [];
    await Promise.all(
      pods.map(async (pod) => {
        let started!: () => void;
        const running = new Promise<void>((resolve) => (started = resolve));
        let startPhase = true;
        const run = runActionInPod(this.exec, pod, action, { signal: this.#stop.signal, onStarted: () => started() });
        const ended = run.then((r) => this.#ended(ref, action, r, startPhase, failedAtStart));
        this.#runs.push(ended);
        await Promise.race([running, ended]);
        startPhase = false;
      }),
    );
    return failedAtStart;
  }

  /** Stops every action still running and resolves once all have ended and been logged. Safe to call again. */
  async stop(): Promise<void> {
    this.#stop.abort();
    await Promise.all(this.#runs);
  }

  #ended(ref: ActionRef, action: RuleAction, run: ActionRun, startPhase: boolean, failedAtStart: ActionRun[]): void {
    const { level, outcome } = this.#judge(action, run);
    this.reports.log(ruleLogEntry(level, ref, outcome, run));
    this.reports.progress(`${describeRef(ref)} ${podAndContainer(run)}: ${outcome}`);
    if (level !== 'error') return;
    if (startPhase) {
      failedAtStart.push(run);
      return;
    }
    const hint = lastOutputLine(run);
    this.#lost.abort(
      new JobFailure(
        `${describeRef(ref)}, ${podAndContainer(run)}: the background action ${describeActionEnd(run.end, true)} ` +
          `before the backup ended${hint ? `; ${hint}` : ''}`,
      ),
    );
  }

  /**
   * What an action's end means. Before `stop()`: an exit 0 has finished early, anything else failed. After:
   * an exit is its answer to the stop request (a non-zero one, a failed clean-up say, only a warning, since
   * the data is taken); no exit in the grace period a warning too, since it may still run in the pod.
   */
  #judge(action: RuleAction, run: ActionRun): { level: BackupLogEntry['level']; outcome: string } {
    const ran = `after running ${seconds(run.durationMs)}`;
    const { end } = run;
    if (this.#stop.signal.aborted && (end.kind === 'exited' || end.kind === 'stopped')) {
      if (end.kind === 'stopped') {
        return {
          level: 'warning',
          outcome:
            `did not exit when asked to stop (a line and the end of its stdin), so its exec session was closed ` +
            `${ran}; it may still be running in the pod`,
        };
      }
      return {
        level: end.exitCode === 0 ? 'info' : 'warning',
        outcome: `was stopped when the backup ended, and exited with code ${end.exitCode} ${ran}`,
      };
    }
    if (end.kind === 'exited' && end.exitCode === 0) return { level: 'info', outcome: `finished by itself ${ran}` };
    return {
      level: action.continueOnFailure ? 'warning' : 'error',
      outcome: `${describeActionEnd(end, true)} ${ran}`,
    };
  }
}
