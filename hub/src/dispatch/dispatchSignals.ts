import { EventEmitter } from 'node:events';
import type { HubTopic } from '../graphql/hubPubSub.ts';

/** What the dispatcher of each replica must hear about, whichever replica made the change. */
export type DispatchSignal =
  /** New work for a cluster: offer its queued jobs to its agent. */
  | { type: 'jobQueued'; clusterId: string }
  /** A job was cancelled: tell the agent running it to stop. */
  | { type: 'jobCancelled'; clusterId: string; jobId: string }
  /** The cluster was deleted or its credential replaced: cut its agent off. */
  | { type: 'clusterRevoked'; clusterId: string }
  /** An object behind a public subscription changed: every replica tells its subscribers. */
  | { type: 'updated'; topic: HubTopic; id: string };

/**
 * The channel dispatch signals travel on. In one process an EventEmitter carries them; with PostgreSQL the
 * hub swaps in a transport that also relays them to the other replicas (LISTEN/NOTIFY). Signals only speed
 * things up: the dispatcher's periodic sweep finds any job whose signal was lost.
 */
export interface DispatchSignals {
  send(signal: DispatchSignal): void;
  listen(listener: (signal: DispatchSignal) => void): () => void;
  /** Releases what the transport holds (connections); nothing is sent or heard afterwards. */
  close(): Promise<void>;
}

/** Signals within this process only. */
export class LocalDispatchSignals implements DispatchSignals {
  readonly #events = new EventEmitter().setMaxListeners(0);

  send(signal: DispatchSignal): void {
    this.#events.emit('signal', signal);
  }

  listen(listener: (signal: DispatchSignal) => void): () => void {
    this.#events.on('signal', listener);
    return () => this.#events.off('signal', listener);
  }

  async close(): Promise<void> {
    this.#events.removeAllListeners();
  }
}
