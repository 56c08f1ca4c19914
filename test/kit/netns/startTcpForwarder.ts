import { type AddressInfo, connect, createServer, type Socket } from 'node:net';

export interface TcpForwarderOptions {
  /** Address to listen on, e.g. the host end of an isolated namespace's veth. */
  listenHost: string;
  targetHost: string;
  targetPort: number;
}

export interface TcpForwarder {
  host: string;
  /** Chosen by the kernel when listening, so it cannot be taken between choosing and binding. */
  port: number;
  /** The remote address of every connection accepted, in order: who actually came through. */
  peers: string[];
  stop(): Promise<void>;
}

/**
 * Relays TCP byte for byte from `listenHost` to a target, so a process in a network namespace reaches a server
 * that listens on the root namespace's 127.0.0.1 only (the hub, a kube-apiserver). It does not touch TLS: the
 * client verifies the target's own certificate end to end.
 */
export async function startTcpForwarder(options: TcpForwarderOptions): Promise<TcpForwarder> {
  const peers: string[] = [];
  const sockets = new Set<Socket>();
  const server = createServer((client) => {
    peers.push(client.remoteAddress ?? '');
    const upstream = connect(options.targetPort, options.targetHost);
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.once('close', () => sockets.delete(socket));
    }
    client.pipe(upstream).pipe(client);
    // One side failing ends the other, as a broken connection would for the real client and server.
    upstream.on('error', () => client.destroy());
    client.on('error', () => upstream.destroy());
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, options.listenHost, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    host: options.listenHost,
    port,
    peers,
    stop: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
