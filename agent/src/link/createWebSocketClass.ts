import type { Agent } from 'node:http';
import { rootCertificates } from 'node:tls';
import { HttpsProxyAgent } from 'https-proxy-agent';
import WebSocket from 'ws';
import { proxyFor } from './proxyFor.ts';

export interface WebSocketOptions {
  /** PEM CA bundle trusted for a wss:// hub, added to the system's. */
  ca?: string | undefined;
  env: NodeJS.ProcessEnv;
}

/**
 * A WebSocket class for graphql-ws that dials through the configured proxy (an HTTP CONNECT tunnel) and
 * trusts the extra CA bundle: the two things agents behind corporate firewalls need.
 */
export function createWebSocketClass(hubUrl: URL, options: WebSocketOptions): typeof WebSocket {
  const proxy = proxyFor(hubUrl, options.env);
  // Node's `ca` replaces the trusted roots; the bundle is meant to add to them.
  const ca = options.ca ? [...rootCertificates, options.ca] : undefined;
  const agent: Agent | undefined = proxy ? new HttpsProxyAgent(proxy, ca ? { ca } : {}) : undefined;
  // ws declares a null-address constructor overload for server-side sockets, which a client never uses.
  return class HubWebSocket extends WebSocket {
    constructor(address: string | URL, protocols?: string | string[]) {
      super(address, protocols, { ...(agent ? { agent } : {}), ...(ca ? { ca } : {}) });
    }
  } as unknown as typeof WebSocket;
}
