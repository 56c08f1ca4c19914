import { runCommand } from './runCommand.ts';

export interface ListeningSocket {
  protocol: 'tcp' | 'udp';
  /** The bound address: `*`, `0.0.0.0` and `::` are wildcards. */
  address: string;
  port: number;
  /** Bound to 127.0.0.0/8 or ::1: unreachable from any other network namespace whatever the firewall says. */
  loopback: boolean;
  /** The line `ss` printed, with the owning process, for failure messages. */
  line: string;
}

/**
 * Every listening TCP socket and every unconnected UDP socket inside network namespace `name`, as `ss` run
 * inside it reports them.
 */
export async function listeningSockets(name: string): Promise<ListeningSocket[]> {
  const out = await runCommand(['ip', 'netns', 'exec', name, 'ss', '-H', '-l', '-n', '-t', '-u', '-p']);
  return out
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => {
      // Netid State Recv-Q Send-Q Local-Address:Port Peer-Address:Port [Process]
      const [netid, , , , local = ''] = line.trim().split(/\s+/);
      const colon = local.lastIndexOf(':');
      // `[::1]:80`, `127.0.0.53%lo:53`, `*:80`
      const address = local.slice(0, colon).replace(/^\[|\]$/g, '').replace(/%.*$/, '');
      return {
        protocol: netid === 'udp' ? 'udp' : 'tcp',
        address,
        port: Number(local.slice(colon + 1)),
        loopback: /^127\./.test(address) || address === '::1' || address === '::ffff:127.0.0.1',
        line: line.trim(),
      };
    });
}
