import { setTimeout as sleep } from 'node:timers/promises';
import type { pino } from 'pino';
import type { JobPayload, JobProgressReport } from '../../../schema/agent/JobPayload.ts';
import type { CatalogOutcome } from '../../../schema/agent/CatalogOutcome.ts';
import type { OperationOutcome } from '../../../schema/agent/OperationOutcome.ts';
import { backoffDelayMs } from '../inventory/backoffDelayMs.ts';
import { HubRequestError } from '../link/HubRequestError.ts';
import type { JobChannel, JobOffer } from './JobChannel.ts';
import { JobFailure } from './JobFailure.ts';
import { parseJobPayload } from './parseJobPayload.ts';
import { ProgressThrottle } from './ProgressThrottle.ts';

/** What a job's code gets: its id, a signal that fires when it must stop, and a way to report progress. */
export interface JobContext {
  jobId: string;
  signal: AbortSignal;
  progress(report: JobProgressReport): void;
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
    let end: JobEnd;
    try {
      const payload = parseJobPayload(offer.payload);
      log.info({ kind: payload.kind }, 'job started');
      const outcome = await this.#options.handle(payload, {
        jobId: offer.jobId,
        signal: controller.signal,
        progress: (p) => throttle.update(p),
      });
      end = { ok: true, outcome };
    } catch (error) {
      end = { ok: false, error: error instanceof JobFailure ? error.message : `unexpected agent error: ${String(error)}` };
      if (!(error instanceof JobFailure)) log.error({ err: error }, 'job failed unexpectedly');
    } finally {
      clearInterval(heartbeat);
      throttle.stop();
    }
    if (controller.signal.aborted && this.#stopped) return false;
    await this.#settle(offer.jobId, end, log);
    return true;
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
          ? await channel.complete(jobId, end.outcome ? JSON.stringify(end.outcome) : null)
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
