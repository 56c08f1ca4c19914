/**
 * What the simulated fleet saw of its jobs, across all agents: when each offer first arrived, how often each
 * job was offered and settled, and when the last accepted completion came back. Times are performance.now().
 */
export class JobLedger {
  readonly #offeredAt = new Map<string, number>();
  readonly #offerWaiters = new Map<string, (at: number) => void>();
  readonly #accepted = new Map<string, number>();
  /** Offers received, including redeliveries. */
  offers = 0;
  /** Offers with attempt > 1: the hub delivered a job again. */
  redeliveries = 0;
  /** Completions the hub answered with accepted=false (the job had ended already). */
  notAccepted = 0;
  /** Acks answered with run=false. */
  declined = 0;
  /** Failed ack or complete requests, and connections the hub closed; the first few messages are kept. */
  failures = 0;
  readonly failureSamples: string[] = [];
  lastAcceptedAt = 0;

  offered(jobId: string, attempt: number, at: number): void {
    this.offers++;
    if (attempt > 1) this.redeliveries++;
    if (this.#offeredAt.has(jobId)) return;
    this.#offeredAt.set(jobId, at);
    this.#offerWaiters.get(jobId)?.(at);
    this.#offerWaiters.delete(jobId);
  }

  settled(jobId: string, accepted: boolean, at: number): void {
    if (!accepted) {
      this.notAccepted++;
      return;
    }
    this.#accepted.set(jobId, (this.#accepted.get(jobId) ?? 0) + 1);
    this.lastAcceptedAt = Math.max(this.lastAcceptedAt, at);
  }

  failed(what: string): void {
    this.failures++;
    if (this.failureSamples.length < 5) this.failureSamples.push(what);
  }

  /** When the first offer of `jobId` arrived at its agent, now or later. */
  offerArrival(jobId: string, timeoutMs = 60_000): Promise<number> {
    const at = this.#offeredAt.get(jobId);
    if (at !== undefined) return Promise.resolve(at);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.#offerWaiters.delete(jobId);
        reject(new Error(`job ${jobId} was not offered within ${timeoutMs} ms`));
      }, timeoutMs);
      this.#offerWaiters.set(jobId, (arrival) => {
        clearTimeout(timer);
        resolve(arrival);
      });
    });
  }

  /** How many times the hub accepted a completion of `jobId`: exactly 1 is right. */
  acceptedCount(jobId: string): number {
    return this.#accepted.get(jobId) ?? 0;
  }

  /** Waits until every job in `ids` has an accepted completion. */
  async allAccepted(ids: readonly string[], timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const missing = ids.filter((id) => !this.#accepted.has(id)).length;
      if (missing === 0) return;
      if (Date.now() > deadline) throw new Error(`${missing} of ${ids.length} jobs were not completed within ${timeoutMs} ms`);
      // Polling is fine: the measured end is the last acceptance's own timestamp, not when this notices it.
      await new Promise((r) => setTimeout(r, 50));
    }
  }
}
