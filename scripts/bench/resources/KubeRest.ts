import { Agent, request } from 'node:https';
import { KubeConfig } from '@kubernetes/client-node';

/** A Kubernetes API answer that was not 2xx: the status and the server's message. */
export class KubeRestError extends Error {
  override readonly name = 'KubeRestError';

  constructor(
    readonly status: number,
    method: string,
    path: string,
    body: string,
  ) {
    super(`${method} ${path}: HTTP ${status}: ${messageOf(body)}`);
  }
}

/**
 * A small JSON client of the Kubernetes API for the benchmark's own seeding and checks, on one keep-alive
 * connection pool with the kubeconfig's client certificate. Not client-node's typed clients: thousands of
 * creates should cost the API server requests, not TLS handshakes, and the numbers measured are the agent's.
 */
export class KubeRest {
  private constructor(
    private readonly server: URL,
    private readonly agent: Agent,
  ) {}

  /** Reads the kubeconfig's current context; `maxSockets` bounds the connections kept to the server. */
  static async fromKubeconfig(path: string, maxSockets: number): Promise<KubeRest> {
    const kc = new KubeConfig();
    kc.loadFromFile(path);
    const cluster = kc.getCurrentCluster();
    if (!cluster) throw new Error(`${path}: no current cluster`);
    const tls: { ca?: Buffer | string; cert?: Buffer | string; key?: Buffer | string } = {};
    await kc.applyToHTTPSOptions(tls);
    const agent = new Agent({ keepAlive: true, maxSockets, ca: tls.ca, cert: tls.cert, key: tls.key });
    return new KubeRest(new URL(cluster.server), agent);
  }

  async get<T>(path: string): Promise<T> {
    return JSON.parse(await this.send('GET', path)) as T;
  }

  /** GETs a path that answers text, such as `/metrics`. */
  getText(path: string): Promise<string> {
    return this.send('GET', path, undefined, 'text/plain');
  }

  async post<T>(path: string, body: unknown): Promise<T> {
    return JSON.parse(await this.send('POST', path, body)) as T;
  }

  /** How many objects a list path holds with this label selector, read page by page. */
  async count(path: string, labelSelector: string): Promise<number> {
    let total = 0;
    let token: string | undefined;
    do {
      const query = new URLSearchParams({ labelSelector, limit: '500' });
      if (token) query.set('continue', token);
      const page = await this.get<{ items: unknown[]; metadata?: { continue?: string } }>(`${path}?${query}`);
      total += page.items.length;
      token = page.metadata?.continue || undefined;
    } while (token);
    return total;
  }

  close(): void {
    this.agent.destroy();
  }

  /** Resolves with the answer's body when it is 2xx; rejects with `KubeRestError` otherwise. */
  private send(method: string, path: string, body?: unknown, accept = 'application/json'): Promise<string> {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    return new Promise<string>((resolve, reject) => {
      const req = request(
        new URL(path, this.server),
        {
          method,
          agent: this.agent,
          headers: {
            accept,
            ...(payload === undefined ? {} : { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) }),
          },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('error', reject);
          res.on('end', () => {
            const text = Buffer.concat(chunks).toString('utf8');
            const status = res.statusCode ?? 0;
            if (status < 200 || status > 299) reject(new KubeRestError(status, method, path, text));
            else resolve(text);
          });
        },
      );
      req.on('error', reject);
      req.end(payload);
    });
  }
}

function messageOf(body: string): string {
  try {
    const message = (JSON.parse(body) as { message?: unknown }).message;
    if (typeof message === 'string') return message;
  } catch {
    // Not a Status.
  }
  return body.slice(0, 200);
}
