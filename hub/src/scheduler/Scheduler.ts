import type { SchedulerLeadership } from './SchedulerLeadership.ts';
import type { SchedulerDeps } from './SchedulerDeps.ts';
import { type DeletionsPass, deleteUnwantedBackups } from './deleteUnwantedBackups.ts';
import { runDueSchedules, type SchedulesPass } from './runDueSchedules.ts';

/** What one scheduler pass did. */
export interface SchedulerPass {
  schedules: SchedulesPass;
  deletions: DeletionsPass;
}

/**
 * Hub-wide periodic work, run only by the replica that leads (`SchedulerLeadership`): start the due runs of
 * backup schedules, then delete the backups no longer wanted (expiry, retention, failed ones, retries). A
 * pass runs every `intervalMs` while leading, and at once on becoming leader, so runs due while no hub was
 * up are taken on start. Passes never overlap; a failed pass is logged and the next one tries again.
 */
export class Scheduler {
  #timer: NodeJS.Timeout | undefined;
  #running: Promise<SchedulerPass | undefined> | undefined;
  #stopped = false;

  constructor(
    private readonly deps: SchedulerDeps,
    private readonly leadership: SchedulerLeadership,
    private readonly intervalMs: number,
  ) {
    leadership.onChange((leader) => (leader ? this.#start() : this.#pause()));
  }

  /**
   * Runs one pass now, or joins the one under way; resolves with what it did, or undefined when this replica
   * does not lead (or has stopped). Errors are logged, not thrown, as they would be from the timer.
   */
  tick(): Promise<SchedulerPass | undefined> {
    this.#running ??= this.#pass().finally(() => {
      this.#running = undefined;
    });
    return this.#running;
  }

  async stop(): Promise<void> {
    this.#stopped = true;
    this.#pause();
    await this.#running;
  }

  async #pass(): Promise<SchedulerPass | undefined> {
    if (this.#stopped || !this.leadership.isLeader()) return undefined;
    try {
      const schedules = await runDueSchedules(this.deps);
      const deletions = await deleteUnwantedBackups(this.deps);
      return { schedules, deletions };
    } catch (error) {
      this.deps.logger.error({ err: error }, 'scheduler pass failed; the next pass tries again');
      return undefined;
    }
  }

  #start(): void {
    if (this.#stopped || this.#timer) return;
    this.#timer = setInterval(() => void this.tick(), this.intervalMs);
    this.#timer.unref();
    void this.tick();
  }

  #pause(): void {
    clearInterval(this.#timer);
    this.#timer = undefined;
  }
}
