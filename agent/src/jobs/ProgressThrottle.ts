import type { JobProgressReport } from '../../../schema/agent/JobPayload.ts';

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

  /** Drops a pending update; nothing is sent after this. */
  stop(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    this.#latest = undefined;
  }

  #flush(): void {
    this.#timer = undefined;
    if (!this.#latest) return;
    this.#lastSent = this.now();
    this.send(this.#latest);
  }
}
