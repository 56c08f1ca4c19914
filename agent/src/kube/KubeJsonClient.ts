import {
  ApiException,
  HttpMethod,
  type KubeConfig,
  KubernetesObjectApi,
  type RequestContext,
  type ResponseContext,
} from '@kubernetes/client-node';
import { KubeConnections } from './KubeConnections.ts';

/** Query parameters of a GET; undefined values are left out. */
export type KubeQuery = Record<string, string | number | undefined>;

/**
 * Reads the Kubernetes API as plain JSON. The backup stages depend on this interface, not on client-node,
 * so unit tests can answer with fakes. Failures reject with client-node's `ApiException`, whose `code` is
 * the HTTP status.
 */
export interface KubeJson {
  /** GETs an API path (`/api/v1/namespaces`) and resolves to the parsed JSON body, exactly as served. */
  get<T>(path: string, query?: KubeQuery): Promise<T>;
}

/**
 * `KubeJson` over client-node's transport (its TLS, proxy and credential handling, token refresh included),
 * with client-node's deserialization taken out. The typed clients turn responses into model classes that
 * drop every field the library does not know (newer API fields, a custom resource's whole schema) and turn
 * timestamps into `Date`s; even its untyped path re-types the `metadata` of anything with `apiVersion` and
 * `kind` as object metadata, which silently loses a list's `continue` token. A backup must keep what the
 * server sent, so responses are parsed as plain JSON and nothing else.
 *
 * Requests go over the `KubeConnections` of the kubeconfig, shared by every client made from it: kept-alive
 * connections and a bound on the requests in flight, where client-node alone opens a connection per request.
 */
export class KubeJsonClient extends KubernetesObjectApi implements KubeJson {
  protected readonly connections: KubeConnections;

  constructor(connections: KubeConnections) {
    super(connections.configuration());
    this.connections = connections;
  }

  static of(kubeConfig: KubeConfig): KubeJsonClient {
    return new KubeJsonClient(KubeConnections.of(kubeConfig));
  }

  async get<T>(path: string, query: KubeQuery = {}): Promise<T> {
    const request = this.configuration.baseServer.makeRequestContext(path, HttpMethod.GET);
    request.setHeaderParam('Accept', 'application/json');
    for (const [key, value] of Object.entries(query)) {
      if (value !== undefined) request.setQueryParam(key, String(value));
    }
    return this.transmit<T>(request);
  }

  /** Sends a request over the shared connections and resolves to its parsed JSON answer. */
  protected transmit<T>(request: RequestContext): Promise<T> {
    return this.connections.run(async () => (await this.requestPromise(request)) as T);
  }

  /** Replaces client-node's response handling for every request this client sends (see the class comment). */
  protected override async processResponse<T>(response: ResponseContext): Promise<T> {
    const text = await response.body.text();
    if (response.httpStatusCode < 200 || response.httpStatusCode > 299) {
      throw new ApiException(response.httpStatusCode, 'Unsuccessful HTTP Request', text, response.headers);
    }
    return JSON.parse(text) as T;
  }
}

/** The HTTP status of a failed Kubernetes call, or undefined when it failed before an answer came. */
export function kubeStatusOf(error: unknown): number | undefined {
  return error instanceof ApiException ? error.code : undefined;
}

/** Whether a Kubernetes call failed because its object (or its type) does not exist: 404. */
export function isNotFound(error: unknown): boolean {
  return kubeStatusOf(error) === 404;
}

/** Whether a Kubernetes call failed on a conflict (the object already exists, or changed since read): 409. */
export function isConflict(error: unknown): boolean {
  return kubeStatusOf(error) === 409;
}

/** Whether a Kubernetes call failed because its list continue token or watch resourceVersion expired: 410. */
export function isGone(error: unknown): boolean {
  return kubeStatusOf(error) === 410;
}

/** A one-line description of a failed Kubernetes call, with the server's own message when it sent one. */
export function describeKubeError(error: unknown): string {
  if (error instanceof ApiException) return `HTTP ${error.code}: ${serverMessage(error.body)}`;
  return error instanceof Error ? error.message : String(error);
}

/** The `message` of the `Status` the API server answers failures with; its body is text in client-node. */
function serverMessage(body: unknown): string {
  if (typeof body !== 'string' || body.length === 0) return 'no message';
  try {
    const status: unknown = JSON.parse(body);
    const message = (status as { message?: unknown } | null)?.message;
    if (typeof message === 'string') return message;
  } catch {
    // Not a Status (a proxy's HTML page, say): show its start instead.
  }
  return body.slice(0, 200);
}
