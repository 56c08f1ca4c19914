import { type AddressInfo, connect, createServer, type Socket } from 'node:net';

export interface FreezableProxy {
  /** `http://127.0.0.1:PORT`, to use as the store's endpoint in place of the store's own. */
  url: string;
  /** Bytes forwarded so far, client to store (`up`) and store to client (`down`). */
  readonly bytes: { up: number; down: number };
  /** Freezes once `direction` has carried `bytes` more from now on: mid-upload or mid-download. */
  freezeAfter(direction: 'up' | 'down', bytes: number): void;
  /** Freezes now. */
  freeze(): void;
  readonly frozen: boolean;
  stop(): Promise<void>;
}

/**
 * A loopback TCP forwarder in front of a store that can freeze as a hung store does: connections stay open
 * and new ones are accepted, but nothing is forwarded either way any more and nothing is answered. Frozen
 * sockets are paused, so a client's writes back up as they would against a store that stopped reading.
 */
export async function startFreezableProxy(target: URL): Promise<FreezableProxy> {
  const bytes = { up: 0, down: 0 };
  const sockets = new Set<Socket>();
  let frozen = false;
  let trigger: { direction: 'up' | 'down'; at: number } | undefined;
  const freeze = () => {
    frozen = true;
    for (const socket of sockets) socket.pause();
  };
  const forward = (from: Socket, to: Socket, direction: 'up' | 'down') => {
    from.on('data', (chunk: Buffer) => {
      if (frozen) return;
      bytes[direction] += chunk.length;
      to.write(chunk);
      if (trigger?.direction === direction && bytes[direction] >= trigger.at) freeze();
    });
    from.on('end', () => {
      if (!frozen) to.end();
    });
  };
  const server = createServer((client) => {
    sockets.add(client);
    client.on('close', () => sockets.delete(client));
    client.on('error', () => undefined);
    if (frozen) {
      client.pause();
      return;
    }
    const upstream = connect(Number(target.port), target.hostname);
    sockets.add(upstream);
    upstream.on('close', () => sockets.delete(upstream));
    upstream.on('error', () => client.destroy());
    client.on('close', () => {
      if (!frozen) upstream.destroy();
    });
    forward(client, upstream, 'up');
    forward(upstream, client, 'down');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    bytes,
    freezeAfter: (direction, count) => {
      trigger = { direction, at: bytes[direction] + count };
    },
    freeze,
    get frozen() {
      return frozen;
    },
    stop: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
