import { type AddressInfo, connect, createServer, type Socket } from 'node:net';

export interface CountingForwarder {
  /** `https://127.0.0.1:PORT`: the target's address as a client sees it through the forwarder. */
  url: string;
  /** Connections accepted so far. */
  readonly opened: number;
  /** Connections open now. */
  readonly open: number;
  stop(): Promise<void>;
}

/**
 * A TCP forwarder in front of `target` (an `https://host:port` URL) that counts the connections clients open.
 * It only copies bytes, so TLS still ends at the target and its certificate is valid for 127.0.0.1 as before.
 */
export async function startCountingForwarder(target: string): Promise<CountingForwarder> {
  const { hostname, port } = new URL(target);
  const sockets = new Set<Socket>();
  let opened = 0;
  let open = 0;
  const server = createServer((client) => {
    opened += 1;
    open += 1;
    client.once('close', () => {
      open -= 1;
    });
    const upstream = connect(Number(port), hostname);
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.once('close', () => sockets.delete(socket));
    }
    client.pipe(upstream).pipe(client);
    upstream.on('error', () => client.destroy());
    client.on('error', () => upstream.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address() as AddressInfo;
  return {
    url: `https://127.0.0.1:${address.port}`,
    get opened() {
      return opened;
    },
    get open() {
      return open;
    },
    stop: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
