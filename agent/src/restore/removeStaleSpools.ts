import { readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { spoolPrefix } from './ItemSpool.ts';

/**
 * Deletes the spool directories under `workDirectory` left by agent processes that no longer run (killed
 * mid-restore): they hold backed-up objects, Secrets included, in clear. Spools of live processes are kept,
 * since several agents may share a work directory. Resolves with the directories removed.
 */
export async function removeStaleSpools(workDirectory: string): Promise<string[]> {
  const removed: string[] = [];
  for (const name of await readdir(workDirectory).catch(() => [])) {
    if (!name.startsWith(spoolPrefix)) continue;
    const pid = Number(name.slice(spoolPrefix.length).split('-')[0]);
    if (!Number.isInteger(pid) || pid <= 0 || isRunning(pid)) continue;
    await rm(join(workDirectory, name), { recursive: true, force: true });
    removed.push(name);
  }
  return removed;
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it runs, as another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
