import { type Client, createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { agentProtocolVersion } from '#schema/agent/agentProtocol';

/** An event of the `jobs` subscription, as the hub sends it. */
export interface JobEvent {
  type: 'Offer' | 'Cancel';
  jobId: string;
  kind: string | null;
  attempt: number | null;
  payload: string | null;
}

export interface ProtocolAgentOptions {
  hubUrl: string;
  credential?: string;
  protocolVersion?: number;
}

/**
 * A client of the agent link that speaks the protocol directly, without the agent's job engine: for tests
 * that must act at a precise step (take a job, then vanish) and for the fleet benchmark. It never
 * reconnects: one instance is one connection.
 */
export class ProtocolAgent {
  readonly events: JobEvent[] = [];
  readonly #client: Client;
  readonly #waiters: (() => void)[] = [];
  #socket: WebSocket | undefined;
  /** Set when the hub closed the connection: the close code and reason. */
  closed: { code: number; reason: string } | undefined;

  private constructor(options: ProtocolAgentOptions, connected: () => void, failed: (e: unknown) => void) {
    this.#client = createClient({
      url: `${options.hubUrl.replace(/^http/, 'ws')}/agent`,
      webSocketImpl: WebSocket,
      lazy: false,
      retryAttempts: 0,
      connectionParams: {
        protocolVersion: options.protocolVersion ?? agentProtocolVersion,
        agentVersion: 'protocol-test',
        ...(options.credential ? { credential: options.credential } : {}),
      },
      on: {
        connected: (socket) => {
          this.#socket = socket as WebSocket;
          connected();
        },
        closed: (event) => {
          const { code, reason } = event as { code: number; reason: string };
          this.closed = { code, reason };
          failed(new Error(`closed ${code}: ${reason}`));
          this.#wake();
        },
      },
      onNonLazyError: () => {},
    });
  }

  /** Connects and waits for the hub's acknowledgement; rejects with the close reason when refused. */
  static async connect(options: ProtocolAgentOptions): Promise<ProtocolAgent> {
    let agent!: ProtocolAgent;
    await new Promise<void>((resolve, reject) => {
      agent = new ProtocolAgent(options, resolve, reject);
    });
    return agent;
  }

  /** Connects, expecting a refusal; resolves with the close code and reason. */
  static refused(options: ProtocolAgentOptions): Promise<{ code: number; reason: string }> {
    return new Promise((resolve, reject) => {
      const agent: ProtocolAgent = new ProtocolAgent(
        options,
        () => {
          agent.close();
          reject(new Error('the hub accepted the connection'));
        },
        () => resolve(agent.closed ?? { code: 0, reason: '' }),
      );
    });
  }

  /** Sends one operation and returns its result (data and errors, as the hub answered). */
  request<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
  ): Promise<{ data?: T | null; errors?: readonly { message: string; extensions?: Record<string, unknown> }[] }> {
    return new Promise((resolve, reject) => {
      let result: { data?: T | null; errors?: readonly { message: string; extensions?: Record<string, unknown> }[] };
      this.#client.subscribe<T>(variables ? { query, variables } : { query }, {
        next: (value) => {
          result = value as typeof result;
        },
        error: reject,
        complete: () => resolve(result),
      });
    });
  }

  /** Opens the `jobs` subscription; events collect in `events`. */
  subscribeJobs(): void {
    this.#client.subscribe<{ jobs: JobEvent }>(
      { query: 'subscription { jobs { type jobId kind attempt payload } }' },
      {
        next: (value) => {
          if (value.data) this.events.push(value.data.jobs);
          this.#wake();
        },
        error: () => this.#wake(),
        complete: () => this.#wake(),
      },
    );
  }

  /** Waits until an event satisfies `match` (or the connection closes); returns it. */
  async nextEvent(match: (e: JobEvent) => boolean, timeoutMs = 30_000): Promise<JobEvent> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.events.find(match);
      if (found) return found;
      if (this.closed) throw new Error(`connection closed ${this.closed.code}: ${this.closed.reason}`);
      if (Date.now() > deadline) throw new Error(`no matching job event within ${timeoutMs} ms`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, 250);
        this.#waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  #wake(): void {
    for (const wake of this.#waiters.splice(0)) wake();
  }

  /** Closes the connection cleanly. */
  close(): void {
    void this.#client.dispose();
  }

  /** Drops the TCP connection without a close handshake, as a killed process would. */
  kill(): void {
    this.#socket?.terminate();
    void this.#client.dispose();
  }
}
