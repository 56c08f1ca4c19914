import { createClient } from 'graphql-ws';
import { WebSocket } from 'ws';
import { publicWsUrl } from './wsGql.ts';

/** How a watched subscription went: the updates it delivered and how it ended. */
export interface Watch {
  updates: { id: string; phase: string }[];
  /** Resolves when the subscription ends: with its errors, or with none when it completed. */
  ended: Promise<{ message: string; extensions?: { code?: string } }[]>;
  /** Resolves at the first update. */
  firstUpdate: Promise<void>;
  stop(): Promise<void>;
}

/** Subscribes to `jobUpdated(id)` over graphql-ws with `token` and records what arrives. */
export function watchJob(hubUrl: string, token: string, jobId: string): Watch {
  const client = createClient({
    url: publicWsUrl(hubUrl),
    webSocketImpl: WebSocket,
    connectionParams: { authorization: `Bearer ${token}` },
    retryAttempts: 0,
  });
  const updates: Watch['updates'] = [];
  let updated: () => void = () => undefined;
  const firstUpdate = new Promise<void>((resolve) => {
    updated = resolve;
  });
  const ended = new Promise<{ message: string; extensions?: { code?: string } }[]>((resolve) => {
    client.subscribe<{ jobUpdated: { id: string; phase: string } }>(
      { query: 'subscription($id: ID!) { jobUpdated(id: $id) { id phase } }', variables: { id: jobId } },
      {
        next: (value) => {
          if (value.data) updates.push(value.data.jobUpdated);
          updated();
        },
        error: (error) => resolve(Array.isArray(error) ? error : [{ message: String(error) }]),
        complete: () => resolve([]),
      },
    );
  });
  return {
    updates,
    ended,
    firstUpdate,
    stop: async () => {
      await client.dispose();
    },
  };
}
