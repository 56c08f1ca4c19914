import { type Client, createClient } from 'graphql-ws/client';
import { ApiError, type GraphqlErrorBody } from './ApiError.ts';
import type { Operation } from './Operation.ts';

export interface GraphqlClientOptions {
  /** The session's bearer token; none for the few fields anyone may read (the sign-in page's). */
  token: string | undefined;
  /** Called when the hub refuses the token: the session is over and the console signs out. */
  onUnauthenticated?: (error: ApiError) => void;
  /** The API's path or URL; `/graphql` of the page's origin by default. */
  endpoint?: string;
}

/** What a subscription delivers: each new result, or the one error that ends it. */
export interface SubscriptionSink<TData> {
  next(data: TData): void;
  error(error: ApiError): void;
  complete?(): void;
}

interface GraphqlResponse {
  data?: unknown;
  errors?: GraphqlErrorBody[];
}

/**
 * The console's only way to the hub: the public GraphQL API, queries and mutations as `POST /graphql` with
 * `Authorization: Bearer`, subscriptions over graphql-ws on the same path. Every failure becomes an
 * `ApiError` carrying the API's message and code.
 */
export class GraphqlClient {
  private socket: Client | undefined;
  private readonly endpoint: string;

  constructor(private readonly options: GraphqlClientOptions) {
    this.endpoint = options.endpoint ?? '/graphql';
  }

  /** Runs a query or mutation; resolves with its data or rejects with an ApiError. */
  async request<TData, TVariables extends object>(
    operation: Operation<TData, TVariables>,
    variables?: TVariables,
    signal?: AbortSignal,
  ): Promise<TData> {
    let response: Response;
    try {
      response = await fetch(this.endpoint, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          accept: 'application/json',
          ...(this.options.token ? { authorization: `Bearer ${this.options.token}` } : {}),
        },
        body: JSON.stringify({ query: operation.document, variables: variables ?? {} }),
        signal,
      });
    } catch (error) {
      if (signal?.aborted) throw error;
      throw new ApiError(`cannot reach the hub: ${(error as Error).message}`, 'NETWORK', undefined, {
        cause: error,
      });
    }
    let body: GraphqlResponse;
    try {
      body = (await response.json()) as GraphqlResponse;
    } catch (error) {
      throw new ApiError(
        `the hub answered HTTP ${response.status} without a GraphQL response`,
        'BAD_RESPONSE',
        undefined,
        { cause: error },
      );
    }
    const first = body.errors?.[0];
    if (first) throw this.refused(ApiError.fromGraphql(first));
    if (body.data === undefined || body.data === null) {
      throw new ApiError(`the hub answered HTTP ${response.status} without data`, 'BAD_RESPONSE');
    }
    return body.data as TData;
  }

  /** Starts a subscription; returns the function that ends it. Connects on first use and shares the socket. */
  subscribe<TData, TVariables extends object>(
    operation: Operation<TData, TVariables>,
    variables: TVariables,
    sink: SubscriptionSink<TData>,
  ): () => void {
    this.socket ??= createClient({
      url: websocketUrl(this.endpoint),
      connectionParams: () => (this.options.token ? { authorization: `Bearer ${this.options.token}` } : {}),
      lazy: true,
      retryAttempts: 5,
      // A lost connection is worth retrying; a refused token (4403) is not.
      shouldRetry: (event) => !isCloseEvent(event) || event.code !== refusedCloseCode,
    });
    return this.socket.subscribe<TData>(
      { query: operation.document, variables: variables as Record<string, unknown> },
      {
        next: (result) => {
          const first = result.errors?.[0];
          if (first) sink.error(this.refused(ApiError.fromGraphql(first)));
          else if (result.data) sink.next(result.data);
        },
        error: (error) => sink.error(this.refused(socketError(error))),
        complete: () => sink.complete?.(),
      },
    );
  }

  /** Closes the subscription socket, if one was opened. */
  dispose(): void {
    void this.socket?.dispose();
    this.socket = undefined;
  }

  private refused(error: ApiError): ApiError {
    if (error.code === 'UNAUTHENTICATED' && this.options.token) this.options.onUnauthenticated?.(error);
    return error;
  }
}

/** The endpoint (relative to the page, or absolute) as a ws:// or wss:// URL. */
export function websocketUrl(endpoint: string): string {
  // No `window` outside a browser (the client's own tests): there the endpoint is absolute.
  const page = (globalThis as { location?: { href: string } }).location?.href;
  const url = new URL(endpoint, page);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  return url.toString();
}

/** The hub closes a graphql-ws connection with 4403 (Forbidden) when its token is refused. */
const refusedCloseCode = 4403;

function isCloseEvent(value: unknown): value is { code: number; reason?: string } {
  return typeof value === 'object' && value !== null && 'code' in value && typeof value.code === 'number';
}

/** graphql-ws reports GraphQL errors as a list, a refused or lost socket as a CloseEvent, else an Error. */
function socketError(error: unknown): ApiError {
  if (Array.isArray(error) && error[0]) return ApiError.fromGraphql(error[0] as GraphqlErrorBody);
  if (isCloseEvent(error)) {
    const reason = error.reason ?? '';
    if (error.code === refusedCloseCode) {
      return new ApiError(`the hub refused the live connection: ${reason || 'sign in again'}`, 'UNAUTHENTICATED');
    }
    return new ApiError(`the live connection to the hub closed (${error.code}${reason ? ` ${reason}` : ''})`, 'NETWORK');
  }
  return new ApiError(`live connection failed: ${(error as Error)?.message ?? String(error)}`, 'NETWORK', undefined, {
    cause: error,
  });
}
