import { execFileSync } from 'node:child_process';

/**
 * Why this machine cannot give a test an isolated network namespace, or undefined when it can. Synchronous,
 * so a suite can decide `describe.skipIf` while it is collected. It tries the real thing (add a throwaway
 * namespace, run nft inside it, delete it): being uid 0 proves nothing in a container without CAP_SYS_ADMIN
 * or CAP_NET_ADMIN, nor that the kernel has nf_tables.
 */
export function netnsUnavailableReason(): string | undefined {
  if (process.platform !== 'linux') return `network namespaces need Linux, not ${process.platform}`;
  const uid = process.getuid?.();
  if (uid !== 0) return `creating network namespaces needs root; this process runs as uid ${uid}`;
  for (const [command, pkg] of [['ip', 'iproute2'], ['ss', 'iproute2'], ['nft', 'nftables']] as const) {
    try {
      execFileSync(command, ['-V'], { stdio: 'ignore' });
    } catch {
      return `'${command}' is not installed (Debian package ${pkg})`;
    }
  }
  const probe = `fleetback-probe-${process.pid}`;
  try {
    execFileSync('ip', ['netns', 'add', probe], { stdio: ['ignore', 'ignore', 'pipe'] });
  } catch (error) {
    return `'ip netns add' is refused here: ${stderrOf(error)}`;
  }
  try {
    execFileSync('ip', ['netns', 'exec', probe, 'nft', 'list', 'ruleset'], { stdio: ['ignore', 'ignore', 'pipe'] });
  } catch (error) {
    return `nftables does not work inside a network namespace here: ${stderrOf(error)}`;
  } finally {
    try {
      execFileSync('ip', ['netns', 'del', probe], { stdio: 'ignore' });
    } catch {
      // Nothing runs in the probe namespace, so a failed delete leaves only an empty name behind.
    }
  }
  return undefined;
}

function stderrOf(error: unknown): string {
  const stderr = (error as { stderr?: Buffer }).stderr?.toString().trim();
  return stderr || (error as Error).message;
}
