import type { RequestOptions } from 'node:https';
import { isDeepStrictEqual } from 'node:util';
import {
  type Configuration,
  createConfiguration,
  HttpMethod,
  type KubeConfig,
  RequestContext,
  type SecurityAuthentication,
  ServerConfiguration,
  setHeaderMiddleware,
} from '@kubernetes/client-node';
import { agentVersion } from '../agentVersion.ts';
import { InFlightLimit } from './InFlightLimit.ts';

type Dispatcher = NonNullable<ReturnType<RequestContext['getDispatcher']>>;

/** Requests one `KubeConnections` has running at once, and so at most the connections it opens over HTTP/1.1. */
export const maxRequestsInFlight = 16;

/** What the connection depends on: everything `applyToHTTPSOptions` reads that is not a per-request header. */
interface ConnectionKey {
  server: string | undefined;
  proxyUrl: string | undefined;
  tls: Pick<RequestOptions, 'ca' | 'cert' | 'key' | 'pfx' | 'passphrase' | 'rejectUnauthorized' | 'servername'>;
}

interface Connection {
  key: ConnectionKey;
  /** Undefined when client-node sends over undici's global dispatcher (no TLS options at all). */
  dispatcher: Promise<Dispatcher | undefined>;
}

const shared = new WeakMap<KubeConfig, KubeConnections>();

/**
 * The connections the agent's JSON clients keep to one kubeconfig's API server, and the authentication of
 * every request sent over them. client-node 2's own `applySecurityAuthentication` builds a new undici `Agent`
 * for every request, so each one paid a TCP and TLS handshake and left a socket open until its keep-alive
 * ran out. Here one dispatcher is kept and reused for as long as what it was built from stays the same: the
 * server, the proxy and the TLS material, which client-node reads again from the kubeconfig (and its files,
 * or an exec plugin's client certificate) on every request, so a rotated certificate or CA still takes
 * effect. The headers (bearer tokens, refreshed by exec and token-file plugins; basic auth; impersonation)
 * are still computed by client-node for each request. The dispatcher itself comes from client-node too,
 * so proxies (`proxy-url`, SOCKS included) and TLS options behave exactly as they do there.
 *
 * Every request goes through `run`, which keeps at most `maxRequestsInFlight` of them running: undici opens
 * a connection only when none is idle, so that bounds the sockets (one suffices when the server speaks
 * HTTP/2, as kube-apiserver does).
 */
export class KubeConnections implements SecurityAuthentication {
  readonly #kubeConfig: KubeConfig;
  readonly #limit: InFlightLimit;
  readonly #running = new Set<Promise<unknown>>();
  #current: Connection | undefined;

  constructor(kubeConfig: KubeConfig, maxInFlight = maxRequestsInFlight) {
    this.#kubeConfig = kubeConfig;
    this.#limit = new InFlightLimit(maxInFlight);
  }

  /** The connections every client of `kubeConfig` shares. */
  static of(kubeConfig: KubeConfig): KubeConnections {
    let connections = shared.get(kubeConfig);
    if (!connections) {
      connections = new KubeConnections(kubeConfig);
      shared.set(kubeConfig, connections);
    }
    return connections;
  }

  /**
   * A client-node `Configuration` for an API client whose requests authenticate here, sent to the current
   * context's server as `makeApiClient` would. Its requests must go through `run`.
   */
  configuration(): Configuration {
    const cluster = this.#kubeConfig.getCurrentCluster();
    if (!cluster) throw new Error('No active cluster!');
    return createConfiguration({
      baseServer: new ServerConfiguration(cluster.server, {}),
      authMethods: { default: this },
      middleware: [setHeaderMiddleware('User-Agent', `fleetback-agent/${agentVersion}`)],
    });
  }

  /** Sends one request: `send` is called once fewer than the limit are running, and settles as it does. */
  run<T>(send: () => Promise<T>): Promise<T> {
    return this.#limit.run(async () => {
      const sending = send();
      this.#running.add(sending);
      try {
        return await sending;
      } finally {
        this.#running.delete(sending);
      }
    });
  }

  getName(): string {
    return 'kubeconfig authentication over shared connections';
  }

  /** Sets the request's headers as client-node would and hands it the shared dispatcher. */
  async applySecurityAuthentication(context: RequestContext): Promise<void> {
    const options: RequestOptions = {};
    await this.#kubeConfig.applyToHTTPSOptions(options);
    // The order client-node's applySecurityAuthentication uses: a token in the headers wins over basic auth.
    if (options.auth) context.setHeaderParam('Authorization', `Basic ${Buffer.from(options.auth).toString('base64')}`);
    for (const [name, value] of Object.entries(options.headers ?? {})) {
      if (value !== undefined) context.setHeaderParam(name, String(value));
    }
    const dispatcher = await this.#dispatcherFor(this.#keyOf(options));
    if (dispatcher) context.setDispatcher(dispatcher);
  }

  /** Closes the connections once the requests on them have finished; a later request opens new ones. */
  async close(): Promise<void> {
    const current = this.#current;
    this.#current = undefined;
    if (current) await this.#retire(current);
  }

  #keyOf(options: RequestOptions): ConnectionKey {
    const cluster = this.#kubeConfig.getCurrentCluster();
    const { ca, cert, key, pfx, passphrase, rejectUnauthorized, servername } = options;
    return {
      server: cluster?.server,
      proxyUrl: cluster?.proxyUrl,
      tls: { ca, cert, key, pfx, passphrase, rejectUnauthorized, servername },
    };
  }

  #dispatcherFor(key: ConnectionKey): Promise<Dispatcher | undefined> {
    if (this.#current && isDeepStrictEqual(this.#current.key, key)) return this.#current.dispatcher;
    const previous = this.#current;
    const connection: Connection = { key, dispatcher: this.#build() };
    this.#current = connection;
    // A failed build (an exec plugin that failed, say) is not kept: the next request tries again.
    connection.dispatcher.catch(() => {
      if (this.#current === connection) this.#current = undefined;
    });
    if (previous) void this.#retire(previous);
    return connection.dispatcher;
  }

  /**
   * Lets client-node build the dispatcher, the one thing it does not expose on its own: the scratch request's
   * headers are thrown away. Runs only when the connection key changes.
   */
  async #build(): Promise<Dispatcher | undefined> {
    const scratch = new RequestContext(this.#kubeConfig.getCurrentCluster()?.server ?? 'https://localhost', HttpMethod.GET);
    await this.#kubeConfig.applySecurityAuthentication(scratch);
    return scratch.getDispatcher();
  }

  /**
   * Closes a replaced dispatcher after every request running now has settled: one of them may hold it
   * without having dispatched yet, and undici's own graceful close only waits for dispatched requests.
   */
  async #retire(connection: Connection): Promise<void> {
    await Promise.allSettled([...this.#running]);
    const dispatcher = await connection.dispatcher.catch(() => undefined);
    await dispatcher?.close().catch(() => undefined);
  }
}
