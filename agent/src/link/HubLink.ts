import { setTimeout as sleep } from 'node:timers/promises';
import { type Client, createClient, type FormattedExecutionResult } from 'graphql-ws';
import type { pino } from 'pino';
import type WebSocket from 'ws';
import {
  type AgentConnectionParams,
  agentLinkPath,
  agentProtocolVersion,
  fatalAgentCloseCodes,
} from '#schema/agent/agentProtocol';
import { backoffDelayMs } from '../inventory/backoffDelayMs.ts';
import { AgentFatalError } from './AgentFatalError.ts';
import { HubRequestError } from './HubRequestError.ts';

export interface HubLinkOptions {
  /** The hub's base URL (http, https, ws or wss); the link dials `<url>/agent`. */
  hubUrl: URL;
  agentVersion: string;
  /** Read at every (re)connection, so a stored or rotated credential is picked up. */
  credential: () => string | undefined;
  webSocketImpl: typeof WebSocket;
  logger: pino.Logger;
  /** Called after every successful connection, first and later ones. */
  onConnected?: () => void;
  /** Called whenever an established connection is lost (a reconnect follows unless it was fatal). */
  onDisconnected?: () => void;
  /** Called once when the hub refuses the agent for good; the link has stopped. */
  onFatal: (error: AgentFatalError) => void;
  /** WebSocket ping interval; a hub that stops answering is noticed and left. Default 10 s. */
  keepAliveMs?: number;
}

interface ActiveSubscription {
  query: string;
  onNext: (data: unknown) => void;
  dispose?: () => void;
}

function isCloseEvent(value: unknown): value is { code: number; reason: string } {
  return typeof value === 'object' && value !== null && 'code' in value && 'reason' in value;
}

/** The message of a WebSocket error, which `ws` wraps in an event carrying the underlying Error. */
function describeSocketError(error: unknown): string {
  if (error instanceof Error) return error.message;
  const wrapped = (error as { error?: unknown; message?: unknown } | null) ?? {};
  if (wrapped.error instanceof Error) return wrapped.error.message;
  return typeof wrapped.message === 'string' ? wrapped.message : String(error);
}

/**
 * What a failed request rejects with. graphql-ws hands over the hub's GraphQL errors as a bare array when the
 * hub refuses an operation before running it (validation, say): that is an answer, so it becomes a
 * `HubRequestError` with its code like any other, and callers do not retry it as if the link had failed.
 */
function requestErrorOf(error: unknown): unknown {
  if (isCloseEvent(error)) return new Error(`link closed: ${error.reason || error.code}`);
  if (Array.isArray(error) && error.length > 0) {
    const first = fieldsOf(error[0]);
    const code = fieldsOf(first.extensions).code;
    return new HubRequestError(
      typeof first.message === 'string' ? first.message : 'the hub refused the request',
      typeof code === 'string' ? code : undefined,
    );
  }
  return error;
}

/** The fields of a value from the wire that should be an object; none when it is not one. */
function fieldsOf(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null ? Object.fromEntries(Object.entries(value)) : {};
}

/** The hub's answer to a request, or a `HubRequestError` carrying its first error's code. */
function dataOf(result: FormattedExecutionResult<Record<string, unknown>, unknown>): unknown {
  const error = result.errors?.[0];
  if (error) {
    const code = error.extensions?.code;
    throw new HubRequestError(error.message, typeof code === 'string' ? code : undefined);
  }
  return result.data;
}

/**
 * The agent's one connection to the hub: graphql-ws over a WebSocket the agent dials out. It reconnects
 * forever with exponential backoff and jitter, resubscribes what was subscribed, pings to notice a dead
 * peer, and stops only when the hub refuses the agent for good (an incompatible protocol or a refused or
 * revoked credential), which it reports through `onFatal`.
 */
export class HubLink {
  readonly #options: HubLinkOptions;
  readonly #subscriptions = new Set<ActiveSubscription>();
  #client: Client;
  #stopped = false;
  #restarts = 0;

  constructor(options: HubLinkOptions) {
    this.#options = options;
    this.#client = this.#connect();
  }

  #connect(): Client {
    const { logger } = this.#options;
    const url = new URL(agentLinkPath, this.#options.hubUrl);
    url.protocol = url.protocol === 'https:' || url.protocol === 'wss:' ? 'wss:' : 'ws:';
    let lastError: string | undefined;
    const client: Client = createClient({
      url: url.toString(),
      webSocketImpl: this.#options.webSocketImpl,
      lazy: false,
      keepAlive: this.#options.keepAliveMs ?? 10_000,
      retryAttempts: Number.POSITIVE_INFINITY,
      retryWait: (retries) => sleep(backoffDelayMs(retries)),
      // Any failure to connect (refused, reset, DNS) is worth another try, unless the hub said no for good.
      shouldRetry: (event) => !(isCloseEvent(event) && fatalAgentCloseCodes.includes(event.code)),
      connectionParams: (): Record<string, unknown> => {
        const credential = this.#options.credential();
        const params: AgentConnectionParams = {
          protocolVersion: agentProtocolVersion,
          agentVersion: this.#options.agentVersion,
          ...(credential ? { credential } : {}),
        };
        return { ...params };
      },
      on: {
        connected: () => {
          this.#restarts = 0;
          logger.info({ hub: url.origin }, 'connected to the hub');
          this.#options.onConnected?.();
        },
        // The socket's error (refused, TLS, proxy) comes before its close; the close alone says only 1006.
        error: (error) => {
          lastError = describeSocketError(error);
        },
        closed: (event) => {
          this.#options.onDisconnected?.();
          if (this.#stopped) return;
          const detail = isCloseEvent(event) ? { code: event.code, reason: event.reason } : {};
          logger.warn({ ...detail, ...(lastError ? { cause: lastError } : {}) }, 'link to the hub closed; reconnecting');
          lastError = undefined;
        },
      },
      onNonLazyError: (error) => this.#onTerminated(client, error),
    });
    for (const subscription of this.#subscriptions) this.#open(client, subscription);
    return client;
  }

  /** The client gave up: for good if the hub refused us, else a fresh client after a pause. */
  #onTerminated(client: Client, error: unknown): void {
    if (this.#stopped || client !== this.#client) return;
    if (isCloseEvent(error) && fatalAgentCloseCodes.includes(error.code)) {
      this.close();
      this.#options.onFatal(new AgentFatalError(`the hub refused this agent: ${error.reason} (close code ${error.code})`));
      return;
    }
    const delay = backoffDelayMs(this.#restarts++);
    this.#options.logger.warn(
      { err: isCloseEvent(error) ? { code: error.code, reason: error.reason } : error, retryInMs: delay },
      'link to the hub failed; starting over',
    );
    void client.dispose();
    setTimeout(() => {
      if (!this.#stopped) this.#client = this.#connect();
    }, delay).unref();
  }

  /**
   * Sends one query or mutation and resolves with its data, untyped: the caller parses the answer where it
   * enters. Rejects with `HubRequestError` on a GraphQL error.
   */
  request(query: string, variables?: Record<string, unknown>): Promise<unknown> {
    return new Promise<unknown>((resolve, reject) => {
      let settled = false;
      this.#client.subscribe<Record<string, unknown>>(variables ? { query, variables } : { query }, {
        next: (result) => {
          if (settled) return;
          settled = true;
          try {
            resolve(dataOf(result));
          } catch (error) {
            reject(error);
          }
        },
        error: (error) => {
          if (settled) return;
          settled = true;
          reject(requestErrorOf(error));
        },
        complete: () => {
          if (settled) return;
          settled = true;
          reject(new Error('the hub completed the request without an answer'));
        },
      });
    });
  }

  /** Keeps a subscription open across reconnects; returns its cancel function. `onNext` parses each event. */
  subscribe(query: string, onNext: (data: unknown) => void): () => void {
    const subscription: ActiveSubscription = { query, onNext };
    this.#subscriptions.add(subscription);
    this.#open(this.#client, subscription);
    return () => {
      this.#subscriptions.delete(subscription);
      subscription.dispose?.();
    };
  }

  #open(client: Client, subscription: ActiveSubscription): void {
    subscription.dispose = client.subscribe<Record<string, unknown>>(
      { query: subscription.query },
      {
        next: (result) => {
          try {
            subscription.onNext(dataOf(result));
          } catch (error) {
            this.#options.logger.error({ err: error }, 'subscription event failed');
          }
        },
        error: (error) => {
          if (!isCloseEvent(error)) this.#options.logger.error({ err: error }, 'subscription failed');
        },
        complete: () => {},
      },
    );
  }

  /** Closes the link for good. */
  close(): void {
    if (this.#stopped) return;
    this.#stopped = true;
    for (const subscription of this.#subscriptions) subscription.dispose?.();
    void this.#client.dispose();
  }
}
