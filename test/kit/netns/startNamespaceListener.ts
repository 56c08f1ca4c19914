import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';

export interface NamespaceListener {
  port: number;
  stop(): Promise<void>;
}

// Listens on process.argv[1], port 0, then dials itself, and reports both as one JSON line.
const script = `
const net = require('node:net');
const address = process.argv[1];
const server = net.createServer((socket) => socket.end());
server.listen(0, address, () => {
  const { port } = server.address();
  const report = (selfConnected, error) => console.log(JSON.stringify({ port, selfConnected, error }));
  const probe = net.connect(port, address, () => { probe.destroy(); report(true); });
  probe.on('error', (error) => report(false, error.message));
});
`;

/**
 * Runs a TCP listener inside a network namespace, bound to `address` there (not loopback), as a control for
 * the isolation: a connection from outside must fail even though something listens, while one from inside
 * succeeds (it resolves only once it has), so a failure from outside is the firewall's doing, not an empty port.
 */
export async function startNamespaceListener(wrapper: string[], address: string): Promise<NamespaceListener> {
  const argv = [...wrapper, process.execPath, '-e', script, address];
  const child = spawn(argv[0] as string, argv.slice(1), { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = once(child, 'exit');
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await exited;
  };
  const lines = createInterface({ input: child.stdout });
  const first = await Promise.race([
    once(lines, 'line').then(([line]) => line as string),
    exited.then(([code]) => {
      throw new Error(`the namespace listener exited ${code} before listening: ${stderr.trim()}`);
    }),
  ]);
  const report = JSON.parse(first) as { port: number; selfConnected: boolean; error?: string };
  if (!report.selfConnected) {
    await stop();
    throw new Error(`the namespace listener could not reach itself on ${address}:${report.port}: ${report.error}`);
  }
  return { port: report.port, stop };
}
