import { StoreStalledError } from './StoreStalledError.ts';

/** How long a location may stay silent while the agent waits on it. */
export interface StallLimits {
  /** Silence after which the job's progress shows a warning. */
  warnAfterMs: number;
  /** Silence after which every waiting operation fails with `StoreStalledError`, and so does every later one. */
  failAfterMs: number;
}

export interface StallWatchOptions extends StallLimits {
  /** The location, as `ObjectStore.describe()` gives it. */
  where: string;
  /** The warning to show while the location is silent, then undefined once it answers again. */
  onWarning(warning: string | undefined): void;
}

/**
 * Watches one location for silence: the time since it last answered while the agent was waiting on it.
 * Callers bracket each wait (a request, the next chunk of a download, the next page of a listing) with
 * `wait`, and report each chunk moved with `answered`. Time during which nothing waits on the location
 * never counts, so a slow consumer never looks like a frozen store. A store that accepts connections and
 * never answers would otherwise hold a job `Running` forever, as the SDKs retry into it with no deadline.
 */
export class StallWatch {
  readonly #options: StallWatchOptions;
  /** What each operation in flight says about whether it is waiting on the location right now. */
  readonly #inFlight = new Set<() => boolean>();
  #lastAnswer = Date.now();
  #warned = false;
  #failure: StoreStalledError | undefined;
  readonly #rejecters = new Set<(error: StoreStalledError) => void>();
  readonly #timer: NodeJS.Timeout;

  constructor(options: StallWatchOptions) {
    this.#options = options;
    const tick = Math.max(20, Math.min(1_000, options.warnAfterMs / 4));
    this.#timer = setInterval(() => this.#check(), tick);
    this.#timer.unref();
  }

  /**
   * Runs `operation` on the location: it rejects with `StoreStalledError` once the location is declared
   * stalled. It counts as waiting on the location all along, or only while `waiting()` says so (an upload
   * whose body is slow to come is waiting on its producer, not on the store).
   */
  async wait<T>(operation: () => Promise<T>, waiting: () => boolean = () => true): Promise<T> {
    if (this.#failure) throw this.#failure;
    if (!this.#anyWaiting()) this.#lastAnswer = Date.now();
    this.#inFlight.add(waiting);
    let reject: (error: StoreStalledError) => void = () => {};
    const stalled = new Promise<never>((_resolve, fail) => {
      reject = fail;
    });
    this.#rejecters.add(reject);
    try {
      return await Promise.race([operation(), stalled]);
    } finally {
      this.#rejecters.delete(reject);
      this.#inFlight.delete(waiting);
      if (!this.#failure) this.answered();
    }
  }

  /** The location sent or took something: its silence ends. */
  answered(): void {
    this.#lastAnswer = Date.now();
    if (this.#warned) {
      this.#warned = false;
      this.#options.onWarning(undefined);
    }
  }

  /** Set once the location has been declared stalled. */
  get failure(): StoreStalledError | undefined {
    return this.#failure;
  }

  /** Stops watching; call when the job ends. */
  close(): void {
    clearInterval(this.#timer);
  }

  #anyWaiting(): boolean {
    for (const waiting of this.#inFlight) if (waiting()) return true;
    return false;
  }

  #check(): void {
    if (this.#failure) return;
    if (!this.#anyWaiting()) {
      // Time nobody waits on the location is no silence of the location's.
      this.#lastAnswer = Date.now();
      return;
    }
    const silent = Date.now() - this.#lastAnswer;
    const { where, warnAfterMs, failAfterMs } = this.#options;
    if (silent >= failAfterMs) {
      this.#failure = new StoreStalledError(
        `the location ${where} has not answered for ${seconds(silent)} s (the agent's limit is ${seconds(failAfterMs)} s, FLEETBACK_STORE_STALL_TIMEOUT_SECONDS): it accepts connections but stopped answering; check the store's health and the network path to it, then run the job again`,
      );
      for (const reject of this.#rejecters) reject(this.#failure);
      this.#rejecters.clear();
      this.close();
    } else if (silent >= warnAfterMs && !this.#warned) {
      this.#warned = true;
      this.#options.onWarning(`the location ${where} has not answered for ${seconds(warnAfterMs)} s`);
    }
  }
}

function seconds(ms: number): number {
  return Math.round(ms / 1000);
}
