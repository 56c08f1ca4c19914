/**
 * Runs uploads with at most `limit` in flight: `run` starts one and returns once fewer than `limit` are
 * running, so a writer keeps filling the next pack while earlier ones upload, and its memory stays bounded
 * to about `limit + 1` packs. The first failure is kept and thrown by every later `run` and `drain`.
 */
export class UploadQueue {
  readonly #running = new Set<Promise<void>>();
  #failure: { error: unknown } | undefined;

  constructor(private readonly limit: number) {}

  async run(upload: () => Promise<void>): Promise<void> {
    this.#throwFailure();
    const running: Promise<void> = upload().then(
      () => void this.#running.delete(running),
      (error: unknown) => {
        this.#failure ??= { error };
        this.#running.delete(running);
      },
    );
    this.#running.add(running);
    while (this.#running.size >= this.limit) await Promise.race(this.#running);
    this.#throwFailure();
  }

  /** Waits for every upload started so far; throws the first failure. */
  async drain(): Promise<void> {
    while (this.#running.size > 0) await Promise.all(this.#running);
    this.#throwFailure();
  }

  #throwFailure(): void {
    if (this.#failure) throw this.#failure.error;
  }
}
