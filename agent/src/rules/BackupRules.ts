import type { ResolvedRule } from '#schema/agent/JobPayload';
import type { BackupLogEntry } from '../backup/BackupLogEntry.ts';
import { JobFailure } from '../jobs/JobFailure.ts';
import type { KubeJson } from '../kube/KubeJsonClient.ts';
import { BackgroundActions } from './BackgroundActions.ts';
import type { PodExec } from './PodExec.ts';
import { type RuleContext, runRule } from './runRule.ts';

/** What rules run against: the cluster's API, and exec into its pods (absent: rules cannot run). */
export interface RuleDeps {
  kube: KubeJson;
  exec?: PodExec;
}

/**
 * The rule stage of a backup: its pre-exec rule before the first object is written, its post-exec rule after
 * the items are archived, whether the backup got that far or failed (`runRule` says how each rule runs).
 *
 * - A pre-exec action that fails, times out or cannot run fails the backup before anything is written,
 *   unless the action has `continueOnFailure`: then it is a warning and the backup goes on. (Warnings, not
 *   errors: every object the spec selects is still taken, which is what `PartiallyFailed` is about.)
 * - Background actions of the pre-exec rule run while the items are collected and archived, and are
 *   stopped when that ends (`BackgroundActions`), before the post-exec rule runs. One that ends too early
 *   aborts `lost`, which the backup runs under.
 * - The post-exec rule always runs once the pre-exec rule was reached, even when the backup failed or was
 *   cancelled, since it usually undoes what the pre-exec rule did (unfreeze, unlock); it is not stopped by a
 *   cancel, only by its own timeouts. A failed post-exec action is an error of a committed backup, making it
 *   `PartiallyFailed`; a background action in it runs until the post-exec rule has finished.
 *
 * Every action's run is a line of `preLog` or `postLog`, and progress is reported as it goes.
 */
export class BackupRules {
  /** The pre-exec rule's lines, its background actions' included, in the order they ended. */
  readonly preLog: BackupLogEntry[] = [];
  /** The post-exec rule's lines. */
  readonly postLog: BackupLogEntry[] = [];
  readonly #background: BackgroundActions | undefined;
  #finished: Promise<void> | undefined;

  constructor(
    private readonly deps: RuleDeps,
    private readonly rules: { preRule: ResolvedRule | null; postRule: ResolvedRule | null },
    private readonly namespaces: readonly string[],
    private readonly progress: (message: string) => void,
  ) {
    if (deps.exec) this.#background = this.#backgroundFor(deps.exec, this.preLog);
  }

  /** Aborts when a background action of the pre-exec rule ended before the backup did; see `BackgroundActions`. */
  get lost(): AbortSignal {
    return this.#background?.lost ?? new AbortController().signal;
  }

  /**
   * Runs the pre-exec rule, if any. Rejects with a `JobFailure` naming the rule, the pod and what happened
   * when it fails the backup, and with the signal's reason when `signal` aborts. Either way `finish()` is
   * the caller's to call next.
   */
  async runPre(signal: AbortSignal): Promise<void> {
    const rule = this.rules.preRule;
    if (!rule) return;
    const { exec } = this.deps;
    if (!exec || !this.#background) throw new JobFailure(noExec(rule));
    const failure = await runRule(rule, this.#context('pre', exec, this.preLog, signal, this.#background));
    if (failure) throw new JobFailure(`nothing was backed up: ${failure}`);
  }

  /**
   * Stops the pre-exec rule's background actions, then runs the post-exec rule. Runs once; later calls wait
   * for the first. Never rejects: the post-exec rule's failures are lines of `postLog`.
   */
  finish(): Promise<void> {
    this.#finished ??= this.#finish();
    return this.#finished;
  }

  /** The post-exec rule's errors in one sentence, to add to the message of a backup that failed; or ''. */
  postFailures(): string {
    const errors = this.postLog.filter((line) => line.level === 'error');
    if (errors.length === 0) return '';
    const more = errors.length > 1 ? ` (and ${errors.length - 1} more error(s))` : '';
    return `the post-exec rule failed as well: ${errors[0]?.message}${more}`;
  }

  async #finish(): Promise<void> {
    await this.#background?.stop();
    const rule = this.rules.postRule;
    if (!rule) return;
    const { exec } = this.deps;
    if (!exec) {
      this.postLog.push({ level: 'error', message: noExec(rule) });
      return;
    }
    const background = this.#backgroundFor(exec, this.postLog);
    // Not stopped by a cancel: it is what undoes the pre-exec rule.
    const context = this.#context('post', exec, this.postLog, new AbortController().signal, background);
    try {
      const failure = await runRule(rule, context);
      if (failure) this.progress(`the post-exec rule stopped: ${failure}`);
    } catch (error) {
      // Only the loss of one of its own background actions ends it this way, and that is logged already.
      this.progress(`the post-exec rule stopped: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      await background.stop();
    }
  }

  #context(
    hook: 'pre' | 'post',
    exec: PodExec,
    log: BackupLogEntry[],
    signal: AbortSignal,
    background: BackgroundActions,
  ): RuleContext {
    const { kube } = this.deps;
    return { kube, exec, hook, namespaces: this.namespaces, signal, background, log: (e) => log.push(e), progress: this.progress };
  }

  #backgroundFor(exec: PodExec, log: BackupLogEntry[]): BackgroundActions {
    return new BackgroundActions(exec, { log: (entry) => log.push(entry), progress: this.progress });
  }
}

function noExec(rule: ResolvedRule): string {
  return `rule '${rule.name}' cannot run: this agent was started without access to the exec API`;
}
