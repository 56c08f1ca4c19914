import { EventEmitter } from 'node:events';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { type HubTopic, hubTopics } from '../graphql/hubPubSub.ts';
import type { Logger } from '../logging/Logger.ts';
import type { DispatchSignal, DispatchSignals } from './dispatchSignals.ts';

/** The NOTIFY channel every replica listens on. */
export const dispatchChannel = 'fleetback_dispatch';

function parseSignal(text: string | undefined): DispatchSignal | undefined {
  try {
    const value = JSON.parse(text ?? '') as Partial<Record<string, unknown>>;
    if (value.type === 'updated' && typeof value.id === 'string' && hubTopics.includes(value.topic as HubTopic)) {
      return { type: 'updated', topic: value.topic as HubTopic, id: value.id };
    }
    if (typeof value.clusterId !== 'string') return undefined;
    if (value.type === 'jobQueued' || value.type === 'clusterRevoked') {
      return { type: value.type, clusterId: value.clusterId };
    }
    if (value.type === 'jobCancelled' && typeof value.jobId === 'string') {
      return { type: value.type, clusterId: value.clusterId, jobId: value.jobId };
    }
  } catch {
    // an unparsable payload is reported below like any other unknown one
  }
  return undefined;
}

/**
 * Dispatch signals shared by every hub replica on one PostgreSQL database through LISTEN/NOTIFY. A
 * replica hears its own notifications too, so a signal is handled the same way wherever it was sent. The
 * listening connection is re-established after a failure; signals lost meanwhile are made up for by each
 * dispatcher's periodic sweep, so a lost notification delays a job but never loses it.
 */
export class PostgresDispatchSignals implements DispatchSignals {
  readonly #events = new EventEmitter().setMaxListeners(0);
  readonly #sender: pg.Pool;
  #listener: pg.Client | undefined;
  #closed = false;

  private constructor(
    private readonly url: string,
    private readonly logger: Logger,
  ) {
    this.#sender = new pg.Pool({ connectionString: url, max: 2 });
    this.#sender.on('error', (error) => logger.warn({ err: error }, 'dispatch signal connection failed'));
  }

  /** Connects the listening session; resolves once LISTEN is in effect. */
  static async start(url: string, logger: Logger): Promise<PostgresDispatchSignals> {
    const signals = new PostgresDispatchSignals(url, logger);
    await signals.#listen();
    return signals;
  }

  async #listen(): Promise<void> {
    const client = new pg.Client({ connectionString: this.url });
    client.on('notification', (message) => {
      const signal = parseSignal(message.payload);
      if (signal) this.#events.emit('signal', signal);
      else this.logger.warn({ payload: message.payload }, 'ignored an unknown dispatch signal');
    });
    client.on('error', (error) => {
      this.logger.warn({ err: error }, 'lost the dispatch signal listener; reconnecting');
      void client.end().catch(() => {});
      void this.#relisten();
    });
    await client.connect();
    await client.query(`listen ${dispatchChannel}`);
    this.#listener = client;
  }

  async #relisten(): Promise<void> {
    for (let attempt = 0; !this.#closed; attempt++) {
      await sleep(Math.min(30_000, 500 * 2 ** attempt));
      try {
        await this.#listen();
        this.logger.info('dispatch signal listener is back');
        return;
      } catch (error) {
        this.logger.warn({ err: error, attempt }, 'could not re-listen for dispatch signals');
      }
    }
  }

  send(signal: DispatchSignal): void {
    this.#sender.query('select pg_notify($1, $2)', [dispatchChannel, JSON.stringify(signal)]).catch((error: unknown) => {
      this.logger.warn({ err: error, signal }, 'could not send a dispatch signal; the sweep will catch up');
    });
  }

  listen(listener: (signal: DispatchSignal) => void): () => void {
    this.#events.on('signal', listener);
    return () => this.#events.off('signal', listener);
  }

  async close(): Promise<void> {
    this.#closed = true;
    await Promise.allSettled([this.#listener?.end(), this.#sender.end()]);
  }
}
