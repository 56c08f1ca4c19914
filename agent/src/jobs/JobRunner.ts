import { setTimeout as sleep } from 'node:timers/promises';
import type { pino } from 'pino';
import type { JobPayload, JobProgressReport } from '#schema/agent/JobPayload';
import type { CatalogOutcome } from '#schema/agent/CatalogOutcome';
import { type OperationOutcome, withOutcomeError } from '#schema/agent/OperationOutcome';
import { outcomeText } from '#schema/agent/outcomeText';
import type { RestoreItem } from '#schema/agent/RestoreItemReport';
import { backoffDelayMs } from '../inventory/backoffDelayMs.ts';
import { HubRequestError } from '../link/HubRequestError.ts';
import type { JobChannel, JobOffer } from './JobChannel.ts';
import { JobFailure } from './JobFailure.ts';
import { parseJobPayload } from './parseJobPayload.ts';
import { ProgressThrottle } from './ProgressThrottle.ts';
import { RestoreItemBatcher } from './RestoreItemBatcher.ts';

/** What a job's code gets: its id, a signal that fires when it must stop, and a way to report progress. */
export interface JobContext {
  jobId: string;
  signal: AbortSignal;
  progress(report: JobProgressReport): void;
  /**
   * Records what a restore did with one item, in the order it applied them. The runner delivers them in
   * batches and reports the job's end only once the hub has them all. Contexts made for other jobs may omit it.
   */
  restoreItem?(item: RestoreItem): void;
}

/** Runs one job; resolves with its outcome (backups, restores, catalog reads) or undefined, throws `JobFailure`. */
export type JobHandler = (
  payload: JobPayload,
  context: JobContext,
) => Promise<OperationOutcome | CatalogOutcome | undefined>;

/** How a run ended, as it is reported to the hub. */
type JobEnd = { ok: true; outcome: OperationOutcome | CatalogOutcome | undefined } | { ok: false; error: string };

export interface JobRunnerOptions {
  channel: JobChannel;
  handle: JobHandler;
  /** How many jobs run at once; further offers wait their turn. */
  maxConcurrent: number;
  /** How often a running job reports even without progress, renewing its lease: well within the lease. */
  heartbeatMs: number;
  logger: pino.Logger;
}

/** How many finished job ids are remembered, so a redelivery of a job this process ran is ignored. */
const rememberedJobs = 10_000;

/**
 * Runs the jobs the hub offers, at most `maxConcurrent` at a time. A job id is its idempotency key: an offer
 * for a job that is running, waiting or finished here is ignored, and the hub's answer to `ackJob` stops a
 * job that another delivery already finished. Every job ends with `completeJob` or `failJob`, retried until
 * the hub has it.
 */
export class JobRunner {
  readonly #options: JobRunnerOptions;
  readonly #running = new Map<string, AbortController>();
  readonly #waiting = new Map<string, JobOffer>();
  readonly #finished = new Set<string>();
  #stopped = false;

  constructor(options: JobRunnerOptions) {
    this.#options = options;
  }

  /** Ids of the jobs running now. */
  get running(): string[] {
    return [...this.#running.keys()];
  }

  offer(offer: JobOffer): void {
    const { jobId } = offer;
    if (this.#stopped || this.#running.has(jobId) || this.#waiting.has(jobId) || this.#finished.has(jobId)) return;
    this.#waiting.set(jobId, offer);
    this.#startWaiting();
  }

  /** A user cancelled the job: stop it if it runs here, forget it if it waits. */
  cancel(jobId: string): void {
    this.#waiting.delete(jobId);
    this.#running.get(jobId)?.abort(new JobFailure('cancelled by a user'));
  }

  /** Stops every running job; their leases lapse and the hub offers them again to the next agent. */
  stop(): void {
    this.#stopped = true;
    this.#waiting.clear();
    for (const controller of this.#running.values()) controller.abort(new JobFailure('the agent is stopping'));
  }

  #startWaiting(): void {
    while (!this.#stopped && this.#running.size < this.#options.maxConcurrent && this.#waiting.size > 0) {
      const [jobId, offer] = this.#waiting.entries().next().value as [string, JobOffer];
      this.#waiting.delete(jobId);
      const controller = new AbortController();
      this.#running.set(jobId, controller);
      this.#run(offer, controller)
        .then(
          (done) => {
            if (done) this.#remember(jobId);
          },
          // Most likely the link dropped before the hub took the job: it is offered again on reconnect.
          (error: unknown) => this.#options.logger.warn({ err: error, jobId }, 'could not take the job'),
        )
        .finally(() => {
          this.#running.delete(jobId);
          this.#startWaiting();
        });
    }
  }

  /** Runs one offer; true once the job is over for this agent (ended, or not to be run). */
  async #run(offer: JobOffer, controller: AbortController): Promise<boolean> {
    const { channel, logger } = this.#options;
    const log = logger.child({ jobId: offer.jobId, attempt: offer.attempt });
    const start = await channel.ack(offer.jobId);
    if (!start.run) {
      log.info({ reason: start.reason }, 'not running the job');
      return true;
    }
    const report = (progress: JobProgressReport) => {
      channel.progress(offer.jobId, progress).then(
        (answer) => {
          if (answer.stop) controller.abort(new JobFailure(answer.reason ?? 'the hub ended the job'));
        },
        (error: unknown) => log.warn({ err: error }, 'progress report failed; the next one renews the lease'),
      );
    };
    const throttle = new ProgressThrottle(report);
    const idle = { done: 0, total: 0, bytes: 0, message: null };
    const heartbeat = setInterval(() => report(throttle.latest ?? idle), this.#options.heartbeatMs);
    const items = new RestoreItemBatcher({
      send: (batch) => channel.restoreItems(offer.jobId, offer.attempt, batch),
      onStop: (reason) => controller.abort(new JobFailure(reason)),
      signal: controller.signal,
      logger: log,
    });
    let end: JobEnd;
    let lastReport: JobProgressReport | undefined;
    try {
      end = await this.#execute(offer, controller.signal, throttle, items, log);
      // The hub's record of the items is whole before the job ends; the heartbeat keeps the lease meanwhile.
      const { refused } = await items.close();
      if (refused !== undefined) end = withItemsRefused(end, refused);
    } finally {
      clearInterval(heartbeat);
      lastReport = throttle.stop();
    }
    if (controller.signal.aborted && this.#stopped) return false;
    // The job's last words ("committed …") would otherwise be lost to the throttle, leaving an early message on it.
    if (lastReport) {
      await channel.progress(offer.jobId, lastReport).catch((error: unknown) => {
        log.warn({ err: error }, "could not send the job's last progress report");
      });
    }
    await this.#settle(offer.jobId, end, log);
    return true;
  }

  /** Runs the handler; how the job ended, never a throw. */
  async #execute(
    offer: JobOffer,
    signal: AbortSignal,
    throttle: ProgressThrottle,
    items: RestoreItemBatcher,
    log: pino.Logger,
  ): Promise<JobEnd> {
    try {
      const payload = parseJobPayload(offer.payload);
      log.info({ kind: payload.kind }, 'job started');
      const outcome = await this.#options.handle(payload, {
        jobId: offer.jobId,
        signal,
        progress: (p) => throttle.update(p),
        restoreItem: (item) => items.add(item),
      });
      return { ok: true, outcome };
    } catch (error) {
      if (!(error instanceof JobFailure)) log.error({ err: error }, 'job failed unexpectedly');
      return { ok: false, error: error instanceof JobFailure ? error.message : `unexpected agent error: ${String(error)}` };
    }
  }

  /** Sends the job's end until the hub has it; an answer of "not accepted" means an earlier one won. */
  async #settle(
    jobId: string,
    end: JobEnd,
    log: pino.Logger,
  ): Promise<void> {
    const { channel } = this.#options;
    for (let attempt = 0; !this.#stopped; attempt++) {
      try {
        const answer = end.ok
          ? await channel.complete(jobId, outcomeText(end.outcome))
          : await channel.fail(jobId, end.error);
        log.info({ ok: end.ok, accepted: answer.accepted, ...(end.ok ? {} : { error: end.error }) }, 'job ended');
        return;
      } catch (error) {
        if (error instanceof HubRequestError && error.code !== 'INTERNAL') {
          log.error({ err: error }, 'the hub refused the job result');
          return;
        }
        const delay = backoffDelayMs(attempt);
        log.warn({ err: error, retryInMs: delay }, 'could not report the job result; retrying');
        await sleep(delay);
      }
    }
  }

  #remember(jobId: string): void {
    this.#finished.add(jobId);
    if (this.#finished.size > rememberedJobs) {
      const oldest = this.#finished.values().next().value as string;
      this.#finished.delete(oldest);
    }
  }
}

/**
 * A run whose items the hub refused to record ends PartiallyFailed with the reason: the objects were applied,
 * but the record a user reads of them is not whole, and that must not pass for a clean success.
 */
function withItemsRefused(end: JobEnd, refused: string): JobEnd {
  if (!end.ok || !end.outcome || !('phase' in end.outcome)) return end;
  return { ok: true, outcome: withOutcomeError(end.outcome, `the hub did not record every item of this restore: ${refused}`) };
}
