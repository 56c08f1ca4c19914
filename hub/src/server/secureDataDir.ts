import { chmodSync, closeSync, existsSync, mkdirSync, openSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Logger } from '../logging/Logger.ts';

const ownerOnlyDir = 0o700;
const ownerOnlyFile = 0o600;

/**
 * Keeps the data directory private to the hub's user: the directory 0700, and the SQLite database (with its
 * `-wal` and `-shm` files) and `master.key` 0600, since they hold token hashes and sealed credentials. A new
 * directory and database file are created so; SQLite gives its `-wal` and `-shm` files the database file's
 * mode. An existing directory or file open to others (from an older hub, a restore, a hand copy) is tightened
 * at start, with a log line naming it and its former mode. `sqliteFile` is undefined on PostgreSQL.
 */
export function secureDataDir(dataDir: string, sqliteFile: string | undefined, logger: Logger): void {
  mkdirSync(dataDir, { recursive: true, mode: ownerOnlyDir });
  tighten(dataDir, ownerOnlyDir, logger);
  if (sqliteFile) {
    const database = join(dataDir, sqliteFile);
    // An empty file is a valid new database; creating it here, not in SQLite, is what sets its mode.
    if (!existsSync(database)) closeSync(openSync(database, 'a', ownerOnlyFile));
    for (const path of [database, `${database}-wal`, `${database}-shm`]) tighten(path, ownerOnlyFile, logger);
  }
  tighten(join(dataDir, 'master.key'), ownerOnlyFile, logger);
}

function tighten(path: string, mode: number, logger: Logger): void {
  if (!existsSync(path)) return;
  const was = statSync(path).mode & 0o777;
  if ((was & ~mode) === 0) return;
  try {
    chmodSync(path, mode);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'EPERM' && code !== 'EACCES') throw error;
    // A volume's root owned by another user (a Kubernetes mount with fsGroup): the hub still runs, and says
    // what an operator should change, rather than refusing to start over a mode it cannot set.
    logger.warn(
      { path, mode: `0${was.toString(8)}`, wanted: `0${mode.toString(8)}`, code },
      'cannot tighten the permissions of a data file others can read: the hub is not its owner; change its mode or owner',
    );
    return;
  }
  logger.warn(
    { path, was: `0${was.toString(8)}`, now: `0${mode.toString(8)}` },
    'tightened the permissions of a data file others could read',
  );
}
