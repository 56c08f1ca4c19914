import { createClient } from 'graphql-ws';
import { WebSocket } from 'ws';

export interface WsResult<T = Record<string, unknown>> {
  data?: T | null;
  errors?: { message: string; extensions?: { code?: string; field?: string; stacktrace?: unknown } }[];
  /** Set when the connection closed instead of answering: the close code. */
  closeCode?: number;
}

/**
 * Runs one graphql-ws operation on `url` (`ws://…/graphql`) and resolves to its first result, its errors
 * (an `error` message), or the close code when the hub ended the connection. `connectionParams` replace
 * the `authorization` made from `token` (the agent link takes others).
 */
export function wsOnce<T = Record<string, unknown>>(
  url: string,
  token: string | undefined,
  query: string,
  variables?: Record<string, unknown>,
  connectionParams?: Record<string, unknown>,
): Promise<WsResult<T>> {
  const client = createClient({
    url,
    webSocketImpl: WebSocket,
    connectionParams: connectionParams ?? (token ? { authorization: `Bearer ${token}` } : {}),
    retryAttempts: 0,
    lazy: true,
  });
  return new Promise<WsResult<T>>((resolve) => {
    client.subscribe<T>(
      { query, variables },
      {
        next: (value) => resolve(value as WsResult<T>),
        error: (error) => {
          if (Array.isArray(error)) resolve({ errors: error as WsResult['errors'] });
          else resolve({ closeCode: (error as { code?: number }).code });
        },
        complete: () => resolve({}),
      },
    );
  }).finally(() => client.dispose());
}

/** The graphql-ws URL of a hub's public API. */
export const publicWsUrl = (hubUrl: string) => `${hubUrl.replace(/^http/, 'ws')}/graphql`;
