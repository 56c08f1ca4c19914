import { setTimeout as sleep } from 'node:timers/promises';
import type { pino } from 'pino';
import {
  maxRestoreItemsPerReport,
  type RestoreItem,
  type RestoreItemReport,
} from '#schema/agent/RestoreItemReport';
import { backoffDelayMs } from '../inventory/backoffDelayMs.ts';
import { HubRequestError } from '../link/HubRequestError.ts';

export interface RestoreItemBatcherOptions {
  /** Delivers one batch (`reportRestoreItems`); the hub stores an index at most once, so resending is safe. */
  send(batch: readonly RestoreItemReport[]): Promise<{ stop: boolean; reason: string | null }>;
  /** The hub answered that the job has ended: stop working on it. */
  onStop(reason: string): void;
  /** The job's signal: once it aborts, unsent items are dropped and a retry waits no longer. */
  signal: AbortSignal;
  logger: pino.Logger;
  /** Items per batch; a full batch is sent at once. */
  maxBatch?: number;
  /** How long an item waits for a full batch before the batch goes anyway. */
  intervalMs?: number;
  /** The wait before retry number `attempt` (from 0) of a batch the hub did not answer. */
  retryDelayMs?: (attempt: number) => number;
}

/**
 * Numbers a restore's items in the order they are added and delivers them to the hub in batches: a batch
 * goes when it is full or about `intervalMs` after its first item, one batch at a time, in order. A batch
 * the hub did not answer (the link dropped, the hub failed) is sent again, whole and with the same indexes,
 * until it is answered, so nothing is lost or stored twice. A refusal is final: the rest is dropped and
 * `close` reports why. `close` delivers everything left; the job's end is reported only after it.
 */
export class RestoreItemBatcher {
  readonly #options: RestoreItemBatcherOptions;
  readonly #maxBatch: number;
  readonly #intervalMs: number;
  readonly #retryDelayMs: (attempt: number) => number;
  readonly #pending: RestoreItemReport[] = [];
  #nextIndex = 0;
  #timer: NodeJS.Timeout | undefined;
  #sending: Promise<void> | undefined;
  #closing = false;
  /** Set when no more items will be sent: the job ended, the hub refused a batch, or the signal aborted. */
  #ended = false;
  #refused: string | undefined;

  constructor(options: RestoreItemBatcherOptions) {
    this.#options = options;
    this.#maxBatch = Math.min(options.maxBatch ?? maxRestoreItemsPerReport, maxRestoreItemsPerReport);
    this.#intervalMs = options.intervalMs ?? 1000;
    this.#retryDelayMs = options.retryDelayMs ?? backoffDelayMs;
  }

  add(item: RestoreItem): void {
    if (this.#ended || this.#closing) return;
    this.#pending.push({ ...item, index: this.#nextIndex++ });
    if (this.#pending.length >= this.#maxBatch) this.#kick();
    else this.#arm();
  }

  /**
   * Delivers every item added, then takes no more. Resolves once the hub has them all, or with the reason
   * when it refused some (a bug on one side, or an incompatible hub); resolves at once, dropping what is left,
   * when the job's signal has aborted or the hub said the job had ended.
   */
  async close(): Promise<{ refused: string | undefined }> {
    this.#closing = true;
    clearTimeout(this.#timer);
    this.#timer = undefined;
    for (;;) {
      if (this.#sending) await this.#sending;
      else if (this.#ended || this.#pending.length === 0) break;
      else this.#kick();
    }
    this.#ended = true;
    return { refused: this.#refused };
  }

  #arm(): void {
    if (this.#timer || this.#sending || this.#closing) return;
    this.#timer = setTimeout(() => this.#kick(), this.#intervalMs);
  }

  #kick(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    if (this.#sending) return;
    this.#sending = this.#drain().finally(() => {
      this.#sending = undefined;
      if (!this.#ended && this.#pending.length > 0) this.#arm();
    });
  }

  /** Sends batches in order; past the first, only full ones (or all, when closing) so the hub gets ~1 a second. */
  async #drain(): Promise<void> {
    while (!this.#ended && this.#pending.length > 0) {
      const batch = this.#pending.slice(0, this.#maxBatch);
      if (!(await this.#deliver(batch))) return this.#end();
      this.#pending.splice(0, batch.length);
      if (!this.#closing && this.#pending.length < this.#maxBatch) return;
    }
  }

  /** Sends one batch until the hub answers it; false when nothing more is to be sent. */
  async #deliver(batch: readonly RestoreItemReport[]): Promise<boolean> {
    const { signal, logger } = this.#options;
    for (let attempt = 0; ; attempt++) {
      if (signal.aborted) return false;
      try {
        const answer = await this.#options.send(batch);
        if (!answer.stop) return true;
        this.#options.onStop(answer.reason ?? 'the hub ended the job');
        return false;
      } catch (error) {
        const refusal = refusalOf(error);
        if (refusal !== undefined) {
          this.#refused = refusal;
          logger.error({ err: error, first: batch[0]?.index }, "the hub refused the restore's items");
          return false;
        }
        const delay = this.#retryDelayMs(attempt);
        logger.warn({ err: error, first: batch[0]?.index, retryInMs: delay }, 'could not report restored items; retrying');
        try {
          await sleep(delay, undefined, { signal });
        } catch {
          return false;
        }
      }
    }
  }

  #end(): void {
    this.#ended = true;
    this.#pending.length = 0;
  }
}

/**
 * Why the hub refused a request for good, or undefined when it may succeed if sent again (the link dropped,
 * the hub failed). graphql-ws rejects with the list of errors when the hub refused the operation before
 * running it (a hub that does not know `reportRestoreItems`, a value GraphQL cannot coerce).
 */
function refusalOf(error: unknown): string | undefined {
  if (error instanceof HubRequestError) return error.code === 'INTERNAL' ? undefined : error.message;
  if (Array.isArray(error)) {
    const first: unknown = error[0];
    const message = typeof first === 'object' && first !== null && 'message' in first ? first.message : undefined;
    return typeof message === 'string' ? message : 'the hub refused the request';
  }
  return undefined;
}
