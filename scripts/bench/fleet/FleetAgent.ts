import { performance } from 'node:perf_hooks';
import { type Client, createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { agentProtocolVersion } from '#schema/agent/agentProtocol';
import type { JobLedger } from './JobLedger.ts';

interface Answer<T> {
  data?: T | null;
  errors?: readonly { message: string }[];
}

interface OfferEvent {
  type: 'Offer' | 'Cancel';
  jobId: string;
  attempt: number | null;
}

/**
 * One simulated agent: a single authenticated agent-link connection (no reconnect) subscribed to `jobs`,
 * which acks and completes every offer the moment it arrives and records it in the shared ledger. Unlike
 * test/kit/ProtocolAgent it reacts to events as they come, which the latency and throughput figures need.
 */
export class FleetAgent {
  readonly #client: Client;
  readonly #ledger: JobLedger;
  #closing = false;

  private constructor(hubUrl: string, credential: string, ledger: JobLedger, connected: () => void, failed: (e: Error) => void) {
    this.#ledger = ledger;
    let up = false;
    this.#client = createClient({
      url: `${hubUrl.replace(/^http/, 'ws')}/agent`,
      webSocketImpl: WebSocket,
      lazy: false,
      retryAttempts: 0,
      connectionParams: { protocolVersion: agentProtocolVersion, agentVersion: 'fleet-bench', credential },
      on: {
        connected: () => {
          up = true;
          connected();
        },
        closed: (event) => {
          const { code, reason } = event as { code: number; reason: string };
          if (!up) failed(new Error(`refused ${code}: ${reason}`));
          else if (!this.#closing) ledger.failed(`connection closed ${code}: ${reason}`);
        },
      },
      onNonLazyError: () => {},
    });
  }

  /** Connects with a cluster credential and waits for the hub's connection_ack. */
  static async connect(hubUrl: string, credential: string, ledger: JobLedger): Promise<FleetAgent> {
    let agent!: FleetAgent;
    await new Promise<void>((resolve, reject) => {
      agent = new FleetAgent(hubUrl, credential, ledger, resolve, reject);
    });
    return agent;
  }

  /**
   * Opens the `jobs` subscription, then makes one round trip on the same connection so that, when this
   * resolves, the hub has almost certainly set the job stream up (graphql-ws has no subscribe ack).
   */
  async subscribeJobs(): Promise<void> {
    this.#client.subscribe<{ jobs: OfferEvent }>(
      { query: 'subscription { jobs { type jobId attempt } }' },
      {
        next: (value) => {
          const event = value.data?.jobs;
          if (event?.type !== 'Offer') return;
          this.#ledger.offered(event.jobId, event.attempt ?? 0, performance.now());
          void this.#take(event.jobId);
        },
        error: (error) => {
          if (!this.#closing) this.#ledger.failed(`jobs subscription failed: ${JSON.stringify(error)}`);
        },
        complete: () => {},
      },
    );
    await this.#request('{ hub { clusterId } }');
  }

  /** Closes the connection cleanly (the hub sees a normal close). */
  close(): Promise<void> {
    this.#closing = true;
    return this.#client.dispose() as Promise<void>;
  }

  async #take(jobId: string): Promise<void> {
    try {
      const start = await this.#request<{ ackJob: { run: boolean } }>('mutation($id: ID!) { ackJob(id: $id) { run } }', {
        id: jobId,
      });
      if (!start.ackJob.run) {
        this.#ledger.declined++;
        return;
      }
      const end = await this.#request<{ completeJob: { accepted: boolean } }>(
        'mutation($id: ID!) { completeJob(id: $id) { accepted } }',
        { id: jobId },
      );
      this.#ledger.settled(jobId, end.completeJob.accepted, performance.now());
    } catch (error) {
      this.#ledger.failed(`job ${jobId}: ${error instanceof Error ? error.message : JSON.stringify(error)}`);
    }
  }

  #request<T>(query: string, variables?: Record<string, unknown>): Promise<T> {
    return new Promise((resolve, reject) => {
      let answer: Answer<T> | undefined;
      this.#client.subscribe<T>(variables ? { query, variables } : { query }, {
        next: (value) => {
          answer = value as Answer<T>;
        },
        error: (error) => reject(error instanceof Error ? error : new Error(JSON.stringify(error))),
        complete: () => {
          if (answer?.errors?.length) reject(new Error(answer.errors.map((e) => e.message).join('; ')));
          else if (!answer?.data) reject(new Error('no data in the answer'));
          else resolve(answer.data);
        },
      });
    });
  }
}
