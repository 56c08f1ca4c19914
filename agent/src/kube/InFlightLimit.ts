/**
 * At most `max` calls running at once; the others wait in arrival order. A finished call hands its slot
 * straight to the next waiter, so a steady stream of calls cannot starve an early one.
 */
export class InFlightLimit {
  readonly #max: number;
  readonly #waiting: (() => void)[] = [];
  #running = 0;

  constructor(max: number) {
    if (!Number.isInteger(max) || max < 1) throw new RangeError(`an in-flight limit must be a whole number ≥ 1, not ${max}`);
    this.#max = max;
  }

  /** Calls `call` once a slot is free and settles as it does; the slot is freed whether it resolves or rejects. */
  async run<T>(call: () => Promise<T>): Promise<T> {
    if (this.#running < this.#max) this.#running += 1;
    else await new Promise<void>((resolve) => this.#waiting.push(resolve));
    try {
      return await call();
    } finally {
      const next = this.#waiting.shift();
      if (next) next();
      else this.#running -= 1;
    }
  }
}
