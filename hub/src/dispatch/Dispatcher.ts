import type { EntityManager, MikroORM } from '@mikro-orm/core';
import { agentCloseCodes } from '#schema/agent/agentProtocol';
import { jobPayloadText } from '#schema/agent/JobPayload';
import { ClusterEntity } from '../clusters/ClusterEntity.ts';
import { compareAndSet } from '../db/compareAndSet.ts';
import { hubWideEm } from '../db/hubWideEm.ts';
import { JobEntity, type JobRow } from '../jobs/JobEntity.ts';
import type { JobKindHandlers } from '../jobs/JobKindHandler.ts';
import { UnrunnableJobError } from '../jobs/UnrunnableJobError.ts';
import type { SecretBox } from '../secrets/SecretBox.ts';
import type { Logger } from '../logging/Logger.ts';
import type { AgentJobEvent, AgentSession } from './AgentSession.ts';
import type { DispatchSignal, DispatchSignals } from './dispatchSignals.ts';
import { EventQueue } from './EventQueue.ts';

export interface DispatcherOptions {
  orm: MikroORM;
  secrets: SecretBox;
  signals: DispatchSignals;
  logger: Logger;
  /** What each kind of job means: its payload, and what its steps do to its subject. */
  jobKinds: JobKindHandlers;
  /** How long a job stays with an agent without a word from it before it is offered again. */
  leaseMs: number;
  /** How often leases, credentials and last-seen times are checked; signals make most checks unneeded. */
  sweepMs: number;
}

/** How many jobs one offering round hands an agent; the rest follow as its jobs end or at the next sweep. */
const offerBatch = 100;

/** Clusters per sweep query; well under SQLite's limit on bound parameters. */
const sweepChunk = 500;

/**
 * This replica's side of job delivery. It tracks the agents connected here, offers them their cluster's
 * jobs, and re-offers jobs whose lease lapsed. Delivery is at-least-once: an offer bumps the job's
 * `attempts` with a compare-and-set, so two replicas sweeping at once offer a job once, and an agent that
 * vanishes mid-job gets the job again when it (or its replacement) subscribes.
 */
export class Dispatcher {
  readonly leaseMs: number;
  readonly jobKinds: JobKindHandlers;
  readonly #sessions = new Map<string, AgentSession>();
  /** The same sessions by cluster: signals and sweeps look agents up by cluster, once per job. */
  readonly #byCluster = new Map<string, Set<AgentSession>>();
  #stopped = false;
  readonly #options: DispatcherOptions;
  readonly #stopListening: () => void;
  readonly #sweep: NodeJS.Timeout;

  constructor(options: DispatcherOptions) {
    this.#options = options;
    this.leaseMs = options.leaseMs;
    this.jobKinds = options.jobKinds;
    this.#stopListening = options.signals.listen((signal) => this.#onSignal(signal));
    this.#sweep = setInterval(() => this.#guard('sweep', () => this.sweep()), options.sweepMs);
    this.#sweep.unref();
  }

  /** An entity manager that sees every tenant: the dispatcher acts for the hub, not for a caller. */
  em(): EntityManager {
    return hubWideEm(this.#options.orm);
  }

  /** False once `stop()` has begun: a connection arriving then must be turned away, not attached. */
  get accepting(): boolean {
    return !this.#stopped;
  }

  /** Records a newly connected agent and marks its cluster connected. */
  async attach(session: AgentSession): Promise<void> {
    this.#sessions.set(session.id, session);
    const ofCluster = this.#byCluster.get(session.clusterId) ?? new Set();
    this.#byCluster.set(session.clusterId, ofCluster.add(session));
    await this.em().nativeUpdate(
      ClusterEntity,
      { id: session.clusterId },
      { connected: true, agentSessionId: session.id, lastSeenAt: new Date(), agentVersion: session.agentVersion },
    );
  }

  /** Forgets a closed connection; the cluster shows disconnected unless a newer connection took over. */
  async detach(session: AgentSession): Promise<void> {
    session.jobs?.end();
    this.#sessions.delete(session.id);
    const ofCluster = this.#byCluster.get(session.clusterId);
    ofCluster?.delete(session);
    if (ofCluster?.size === 0) this.#byCluster.delete(session.clusterId);
    // After stop() the database may be closed; stop() has already marked these clusters disconnected.
    if (this.#stopped) return;
    await this.em().nativeUpdate(
      ClusterEntity,
      { id: session.clusterId, agentSessionId: session.id },
      { connected: false, lastSeenAt: new Date() },
    );
  }

  /** Opens the session's job stream and offers it every unfinished job of its cluster. */
  openJobStream(session: AgentSession): EventQueue<AgentJobEvent> {
    session.jobs?.end();
    const queue = new EventQueue<AgentJobEvent>(() => {
      if (session.jobs === queue) session.jobs = undefined;
    });
    session.jobs = queue;
    // Offered after the subscription is in place, and whatever their leases say: a reconnecting agent may
    // have lost work it had taken, and running a job it still has is a no-op on its side.
    setImmediate(() => this.#guard('offer on subscribe', () => this.offerJobs(session, true)));
    return queue;
  }

  /**
   * Offers the session's cluster's unfinished jobs: all of them when `force`, else those never offered or
   * whose lease lapsed.
   */
  async offerJobs(session: AgentSession, force: boolean): Promise<void> {
    const queue = session.jobs;
    if (!queue) return;
    const em = this.em();
    const now = new Date();
    const jobs = await em.find(
      JobEntity,
      {
        // The tenant too: a job row naming this cluster under another tenant is never this agent's.
        tenantId: session.tenantId,
        clusterId: session.clusterId,
        phase: { $in: ['Queued', 'Running'] },
        ...(force ? {} : { $or: [{ leaseExpiresAt: null }, { leaseExpiresAt: { $lt: now } }] }),
      },
      { orderBy: { createdAt: 'asc' }, limit: offerBatch },
    );
    for (const job of jobs) await this.#offer(em, session, queue, job);
  }

  async #offer(em: EntityManager, session: AgentSession, queue: EventQueue<AgentJobEvent>, job: JobRow) {
    let payload: string;
    try {
      payload = jobPayloadText(await this.jobKinds[job.kind].payload(em, this.#options.secrets, job));
    } catch (error) {
      if (!(error instanceof UnrunnableJobError)) throw error;
      await compareAndSet(
        em,
        JobEntity,
        { id: job.id, phase: { $in: ['Queued', 'Running'] } },
        { phase: 'Failed', error: error.message, finishedAt: new Date(), leaseExpiresAt: null },
      );
      this.#options.logger.warn({ jobId: job.id, reason: error.message }, 'job cannot run; failed it');
      return;
    }
    const attempt = job.attempts + 1;
    const taken = await compareAndSet(
      em,
      JobEntity,
      { id: job.id, attempts: job.attempts, phase: { $in: ['Queued', 'Running'] } },
      { attempts: attempt, leaseExpiresAt: new Date(Date.now() + this.leaseMs) },
    );
    if (!taken) return;
    queue.push({ type: 'Offer', jobId: job.id, kind: job.kind, attempt, payload });
  }

  /**
   * The periodic safety net: keeps connected clusters' last-seen times fresh, closes sessions whose
   * credential was revoked, and offers jobs whose signal was missed or whose lease lapsed.
   */
  async sweep(): Promise<void> {
    const sessions = [...this.#sessions.values()];
    const allIds = [...new Set(sessions.map((s) => s.clusterId))];
    // A few queries per chunk of clusters, not per agent: a replica may hold thousands of them.
    for (let i = 0; i < allIds.length; i += sweepChunk) {
      const clusterIds = allIds.slice(i, i + sweepChunk);
      await this.em().nativeUpdate(ClusterEntity, { id: { $in: clusterIds } }, { lastSeenAt: new Date() });
      await this.#closeRevoked(clusterIds);
      await this.#offerLapsed(clusterIds);
    }
  }

  /** Offers the jobs of these clusters that were never offered or whose lease lapsed, in one query. */
  async #offerLapsed(clusterIds: string[]): Promise<void> {
    const em = this.em();
    const jobs = await em.find(
      JobEntity,
      {
        clusterId: { $in: clusterIds },
        phase: { $in: ['Queued', 'Running'] },
        $or: [{ leaseExpiresAt: null }, { leaseExpiresAt: { $lt: new Date() } }],
      },
      { orderBy: { createdAt: 'asc' }, limit: offerBatch * 10 },
    );
    for (const job of jobs) {
      const session = [...(this.#byCluster.get(job.clusterId) ?? [])].find((s) => s.jobs && s.tenantId === job.tenantId);
      if (session?.jobs) await this.#offer(em, session, session.jobs, job);
    }
  }

  /** Tells every replica that the cluster's credential changed, so connections using another one close. */
  revoked(clusterId: string): void {
    this.#options.signals.send({ type: 'clusterRevoked', clusterId });
  }

  /**
   * Stops the sweep and signal handling, marks this replica's clusters disconnected in one write (close
   * handlers run too late for it: the database closes right after), and closes every agent connection; the
   * agents reconnect to another replica or to this one when it is back.
   */
  async stop(): Promise<void> {
    if (this.#stopped) return;
    this.#stopped = true;
    clearInterval(this.#sweep);
    this.#stopListening();
    const sessionIds = [...this.#sessions.keys()];
    for (let i = 0; i < sessionIds.length; i += sweepChunk) {
      await this.em()
        .nativeUpdate(
          ClusterEntity,
          { agentSessionId: { $in: sessionIds.slice(i, i + sweepChunk) } },
          { connected: false, lastSeenAt: new Date() },
        )
        .catch((error: unknown) => this.#options.logger.warn({ err: error }, 'could not mark agents disconnected'));
    }
    for (const session of this.#sessions.values()) {
      session.jobs?.end();
      session.close(1001, 'the hub is shutting down');
    }
  }

  async #closeRevoked(clusterIds: string[]): Promise<void> {
    const rows = await this.em().find(
      ClusterEntity,
      { id: { $in: clusterIds } },
      { fields: ['id', 'credentialHash'] },
    );
    const current = new Map(rows.map((r) => [r.id, r.credentialHash]));
    for (const session of clusterIds.flatMap((id) => [...(this.#byCluster.get(id) ?? [])])) {
      if (current.get(session.clusterId) === session.credentialHash) continue;
      this.#options.logger.info({ clusterId: session.clusterId }, 'agent credential revoked; closing its link');
      session.jobs?.end();
      session.close(agentCloseCodes.credentialRevoked, 'the cluster was deleted or its credential replaced');
    }
  }

  #onSignal(signal: DispatchSignal): void {
    if (signal.type === 'updated') return;
    const local = [...(this.#byCluster.get(signal.clusterId) ?? [])];
    if (local.length === 0) return;
    switch (signal.type) {
      case 'jobQueued':
        for (const session of local) this.#guard('offer on signal', () => this.offerJobs(session, false));
        return;
      case 'jobCancelled':
        for (const session of local) session.jobs?.push({ type: 'Cancel', jobId: signal.jobId });
        return;
      case 'clusterRevoked':
        this.#guard('revocation', () => this.#closeRevoked([signal.clusterId]));
        return;
    }
  }

  /** Runs background work; a failure is logged and retried by the next sweep, never lost silently. */
  #guard(what: string, work: () => Promise<void>): void {
    work().catch((error: unknown) => this.#options.logger.error({ err: error }, `dispatcher ${what} failed`));
  }
}
