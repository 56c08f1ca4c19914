import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import type { WebSocketServer } from 'ws';

export interface UpgradeRoutes {
  /** The WebSocket server for each path; other paths are answered 404. */
  servers: ReadonlyMap<string, WebSocketServer>;
  /** Open WebSocket connections allowed from one source address, over all paths together. */
  maxConnectionsPerAddress: number;
}

/**
 * Hands WebSocket upgrades to the server of their path, refusing with 429 once a source address holds
 * `maxConnectionsPerAddress` connections, so one peer cannot exhaust the hub's sockets before it has
 * authenticated (the WebSocket servers themselves bound frame sizes and the wait for connection_init).
 */
export function routeUpgrades(http: Server, routes: UpgradeRoutes): void {
  const open = new Map<string, number>();
  http.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    const path = new URL(request.url ?? '/', 'http://hub').pathname;
    const target = routes.servers.get(path);
    if (!target) {
      socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\n\r\n');
      return;
    }
    const address = request.socket.remoteAddress ?? 'unknown';
    const held = open.get(address) ?? 0;
    if (held >= routes.maxConnectionsPerAddress) {
      socket.end(
        'HTTP/1.1 429 Too Many Requests\r\nConnection: close\r\nContent-Type: text/plain\r\n\r\ntoo many connections from this address\n',
      );
      return;
    }
    open.set(address, held + 1);
    // Counted until the TCP socket closes, whether the handshake failed or the connection ended later.
    socket.once('close', () => {
      const remaining = (open.get(address) ?? 1) - 1;
      if (remaining > 0) open.set(address, remaining);
      else open.delete(address);
    });
    target.handleUpgrade(request, socket, head, (ws) => target.emit('connection', ws, request));
  });
}
