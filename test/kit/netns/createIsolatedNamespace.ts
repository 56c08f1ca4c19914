import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readlinkSync, statSync } from 'node:fs';
import { isIPv4 } from 'node:net';
import { runCommand } from './runCommand.ts';

export interface IsolatedNamespaceOptions {
  /** The veth end left in the root namespace: the only address the namespace can reach. Default 10.213.0.1. */
  hostAddress?: string;
  /** The veth end inside the namespace. Default 10.213.0.2. */
  namespaceAddress?: string;
  /** Default 30: a private point-to-point subnet holding just the two ends. */
  prefixLength?: number;
}

export interface IsolatedNamespace {
  /** The namespace's name for `ip netns` (unique per run: it holds the creating process's pid). */
  name: string;
  hostAddress: string;
  namespaceAddress: string;
  /** argv prefix that runs a command inside the namespace, e.g. for `startTestAgent({ wrapper })`. */
  wrapper: string[];
  /** True when process `pid` runs in this namespace (its /proc/PID/ns/net is the namespace's inode). */
  contains(pid: number): boolean;
  /** The nftables ruleset as the kernel holds it inside the namespace. */
  ruleset(): Promise<string>;
  /** Deletes the veth pair and the namespace; idempotent. Rejects, after deleting, if processes were left inside. */
  destroy(): Promise<void>;
}

const namePattern = /^fleetback-(?:probe-)?(\d+)(?:-([0-9a-f]{6}))?$/;

/**
 * Creates a network namespace that nothing can connect into: a veth pair joins it to the root namespace
 * (host end `hostAddress`, namespace end `namespaceAddress`, default route via the host end), and an nftables
 * ruleset inside drops every inbound packet except loopback and replies to connections made from inside, and
 * every outbound packet except to loopback and the host end. A process in it can dial out to whatever the
 * test serves on the host end, and nothing else; nothing outside can reach a socket it listens on.
 * On a failed step everything made so far is removed; a process exit removes whatever is still up.
 */
export async function createIsolatedNamespace(options: IsolatedNamespaceOptions = {}): Promise<IsolatedNamespace> {
  const hostAddress = options.hostAddress ?? '10.213.0.1';
  const namespaceAddress = options.namespaceAddress ?? '10.213.0.2';
  const prefixLength = options.prefixLength ?? 30;
  // The addresses end up in the nft ruleset text: only well-formed IPv4 addresses get there.
  for (const address of [hostAddress, namespaceAddress]) {
    if (!isIPv4(address)) throw new Error(`createIsolatedNamespace: '${address}' is not an IPv4 address`);
  }
  if (!Number.isInteger(prefixLength) || prefixLength < 1 || prefixLength > 30) {
    throw new Error(`createIsolatedNamespace: prefix length ${prefixLength} must be 1..30`);
  }

  await removeStaleNamespaces();
  await assertAddressFree(hostAddress);

  // Interface names are limited to 15 characters; the shared suffix ties the pair to its namespace.
  const suffix = randomBytes(3).toString('hex');
  const name = `fleetback-${process.pid}-${suffix}`;
  const hostInterface = `fbh-${suffix}`;
  const namespaceInterface = `fbn-${suffix}`;
  const netnsPath = `/run/netns/${name}`;

  // Last resort when the test process ends without its afterAll (a crash, a kill): synchronous, as 'exit' needs.
  const onExit = () => {
    for (const argv of [['link', 'del', hostInterface], ['netns', 'del', name]]) {
      try {
        execFileSync('ip', argv, { stdio: 'ignore' });
      } catch {
        // Already gone.
      }
    }
  };
  process.once('exit', onExit);

  let destroyed: Promise<void> | undefined;
  const destroy = () =>
    (destroyed ??= (async () => {
      process.removeListener('exit', onExit);
      const left = (await runCommand(['ip', 'netns', 'pids', name]).catch(() => '')).trim();
      // Deleting one end of a veth pair deletes both; the namespace would take it along too, but only once the
      // last process in it has ended, and until then the host end would keep holding `hostAddress`.
      await runCommand(['ip', 'link', 'del', hostInterface]).catch(ignoreMissing);
      await runCommand(['ip', 'netns', 'del', name]).catch(ignoreMissing);
      if (left) {
        throw new Error(`network namespace ${name} still held processes when it was deleted: ${left.split('\n').join(', ')}`);
      }
    })());

  try {
    await runCommand(['ip', 'netns', 'add', name]);
    await runCommand(['ip', 'link', 'add', hostInterface, 'type', 'veth', 'peer', 'name', namespaceInterface, 'netns', name]);
    await runCommand(['ip', 'addr', 'add', `${hostAddress}/${prefixLength}`, 'dev', hostInterface]);
    await runCommand(['ip', 'link', 'set', hostInterface, 'up']);
    await runCommand(['ip', '-n', name, 'addr', 'add', `${namespaceAddress}/${prefixLength}`, 'dev', namespaceInterface]);
    await runCommand(['ip', '-n', name, 'link', 'set', namespaceInterface, 'up']);
    await runCommand(['ip', '-n', name, 'link', 'set', 'lo', 'up']);
    await runCommand(['ip', '-n', name, 'route', 'add', 'default', 'via', hostAddress]);
    await runCommand(['ip', 'netns', 'exec', name, 'nft', '-f', '-'], { input: isolationRuleset(hostAddress) });
  } catch (error) {
    await destroy().catch(() => {});
    throw error;
  }

  return {
    name,
    hostAddress,
    namespaceAddress,
    wrapper: ['ip', 'netns', 'exec', name],
    contains: (pid) => {
      try {
        return readlinkSync(`/proc/${pid}/ns/net`) === `net:[${statSync(netnsPath).ino}]`;
      } catch {
        return false;
      }
    },
    ruleset: () => runCommand(['ip', 'netns', 'exec', name, 'nft', 'list', 'ruleset']),
    destroy,
  };
}

/**
 * Inbound: policy drop; loopback and conntrack-established/related traffic (the replies to connections
 * dialled from inside) pass, so no new connection from outside can be accepted on any port, listening or not.
 * Outbound: policy drop; only loopback and the host end of the veth, so the process inside cannot reach any
 * other network even where the root namespace forwards packets.
 */
function isolationRuleset(hostAddress: string): string {
  return `table inet fleetback_isolation {
  chain input {
    type filter hook input priority filter; policy drop;
    iifname "lo" accept
    ct state established,related accept
  }
  chain output {
    type filter hook output priority filter; policy drop;
    oifname "lo" accept
    ip daddr ${hostAddress} accept
  }
}
`;
}

/**
 * Removes namespaces (and their veth pairs) left by test processes that died without cleaning up, so a
 * crashed run does not keep holding the host address. A namespace whose creator still lives is left alone.
 */
async function removeStaleNamespaces(): Promise<void> {
  const names = (await runCommand(['ip', 'netns', 'list'])).split('\n').map((line) => line.split(' ')[0] ?? '');
  for (const name of names) {
    const match = namePattern.exec(name);
    if (!match || isAlive(Number(match[1]))) continue;
    if (match[2]) await runCommand(['ip', 'link', 'del', `fbh-${match[2]}`]).catch(ignoreMissing);
    await runCommand(['ip', 'netns', 'del', name]).catch(ignoreMissing);
  }
}

/** Two host ends with the same address would make the route to the namespace ambiguous: refuse, and say why. */
async function assertAddressFree(address: string): Promise<void> {
  const links = JSON.parse(await runCommand(['ip', '-j', '-4', 'addr', 'show'])) as {
    ifname: string;
    addr_info?: { local?: string }[];
  }[];
  const holder = links.find((link) => link.addr_info?.some((a) => a.local === address));
  if (holder) {
    throw new Error(
      `${address} is already assigned to ${holder.ifname} in the root namespace; another run's isolated namespace ` +
        `may still be up (remove it with: ip link del ${holder.ifname})`,
    );
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function ignoreMissing(error: unknown): void {
  if (!/Cannot find device|No such file|does not exist/i.test((error as Error).message)) throw error;
}
