import type { JobProgressReport } from '#schema/agent/JobPayload';

/**
 * Merges progress updates and passes on at most one per `intervalMs`, always ending with the latest: a job
 * that reports every item does not flood the hub, and the last state is never dropped.
 */
export class ProgressThrottle {
  #latest: JobProgressReport | undefined;
  #lastSent = 0;
  #timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly send: (progress: JobProgressReport) => void,
    private readonly intervalMs = 1000,
    private readonly now: () => number = Date.now,
  ) {}

  update(progress: JobProgressReport): void {
    this.#latest = progress;
    if (this.#timer) return;
    const wait = this.#lastSent + this.intervalMs - this.now();
    if (wait <= 0) this.#flush();
    else this.#timer = setTimeout(() => this.#flush(), wait);
  }

  /** The most recent progress, sent or not. */
  get latest(): JobProgressReport | undefined {
    return this.#latest;
  }

  /**
   * Stops: nothing is sent after this. Returns the update still waiting for its turn, if any, so the caller
   * can deliver the job's last state itself before the job's end.
   */
  stop(): JobProgressReport | undefined {
    const pending = this.#timer ? this.#latest : undefined;
    clearTimeout(this.#timer);
    this.#timer = undefined;
    this.#latest = undefined;
    return pending;
  }

  #flush(): void {
    this.#timer = undefined;
    if (!this.#latest) return;
    this.#lastSent = this.now();
    this.send(this.#latest);
  }
}
