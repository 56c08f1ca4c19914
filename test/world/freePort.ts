import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';

const handedOut = new Set<number>();

/**
 * The ports the kernel picks local ports of outgoing connections from. A port taken from the same range
 * (what `listen(0)` does) can be grabbed by any connection the world opens between our check and the
 * peer's own bind, which once failed CI with EADDRINUSE, so peers get ports from below it.
 */
function ephemeralRange(): [number, number] {
  try {
    const [low, high] = readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8').trim().split(/\s+/).map(Number);
    if (low && high) return [low, high];
  } catch {
    // Not Linux: fall back to the IANA dynamic range.
  }
  return [49152, 65535];
}

function canListen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.unref();
    server.once('error', () => resolve(false));
    server.listen({ port, host: '127.0.0.1', exclusive: true }, () => server.close(() => resolve(true)));
  });
}

/**
 * A TCP port on 127.0.0.1 that is free now, outside the kernel's ephemeral range, and not handed out
 * before by this process (so peers started in parallel never get the same one). The port is released
 * before returning.
 */
export async function freePort(): Promise<number> {
  const [ephemeralLow] = ephemeralRange();
  const high = Math.min(ephemeralLow - 1, 65535);
  const low = high > 12_000 ? 10_000 : 1024;
  for (let attempt = 0; attempt < 200; attempt++) {
    const port = low + Math.floor(Math.random() * (high - low + 1));
    if (handedOut.has(port)) continue;
    handedOut.add(port);
    if (await canListen(port)) return port;
  }
  throw new Error(`no free TCP port found on 127.0.0.1 between ${low} and ${high}`);
}
