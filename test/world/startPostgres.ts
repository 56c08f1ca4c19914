import { execFile, execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import {
  accessSync,
  chownSync,
  constants,
  existsSync,
  mkdtempSync,
  readdirSync,
  realpathSync,
  rmSync,
} from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';
import { freePort } from './freePort.ts';
import { ManagedProcess } from './ManagedProcess.ts';
import type { PeerHandle } from './PeerHandle.ts';
import { PeerMissingError } from './PeerMissingError.ts';
import type { PostgresInfo } from './WorldInfo.ts';
import { waitFor } from './waitFor.ts';

const run = promisify(execFile);

/**
 * Starts a throwaway PostgreSQL server: a fresh cluster in a temp dir, listening on a free port of 127.0.0.1
 * with password (SCRAM) authentication, holding a database `fleetback` owned by a user of the same name who may
 * also create databases. Durability is switched off for speed. `stop()` shuts it down and deletes the cluster.
 */
export async function startPostgres(options: { logDir: string }): Promise<PeerHandle<PostgresInfo>> {
  const bin = findPostgresBin();
  const runAs = runAsPrefix();
  const dir = mkdtempSync(join(tmpdir(), 'fleetback-postgres-'));
  const dataDir = join(dir, 'data');
  let server: ManagedProcess | undefined;
  const stop = async () => {
    // SIGINT is PostgreSQL's fast shutdown; the SIGTERM that follows would wait for clients to leave.
    server?.kill('SIGINT');
    await server?.stop(10_000);
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    if (runAs.owner) chownSync(dir, runAs.owner.uid, runAs.owner.gid);
    const initdbArgs = [
      ...['-D', dataDir, '-U', 'postgres', '-E', 'UTF8', '--locale=C', '--no-sync'],
      ...['--auth-local=trust', '--auth-host=scram-sha-256'],
    ];
    const initdb = await run(...runAs.wrap(join(bin, 'initdb'), initdbArgs), { cwd: dir }).catch(
      (error: { stderr?: string; message: string }) => {
        throw new Error(`initdb failed: ${error.stderr || error.message}`);
      },
    );
    await writeFile(join(options.logDir, 'postgres-initdb.log'), initdb.stdout + initdb.stderr);

    const port = await freePort();
    const [command, args] = runAs.wrap(join(bin, 'postgres'), [
      ...['-D', dataDir, '-p', String(port), '-k', dir, '-c', 'listen_addresses=127.0.0.1'],
      ...['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off'],
    ]);
    server = new ManagedProcess({ name: 'postgres', command, args, logDir: options.logDir, cwd: dir });
    // The superuser reaches the server only through the Unix socket in `dir`, where it is trusted.
    const admin = { host: dir, port, user: 'postgres', database: 'postgres' };
    const running = server;
    await waitFor(
      async () => {
        const client = new Client(admin);
        await client.connect();
        await client.end();
        return true;
      },
      { what: 'PostgreSQL to accept connections', timeoutMs: 60_000, abortIf: () => running.assertRunning() },
    );

    const info: PostgresInfo = {
      host: '127.0.0.1',
      port,
      user: 'fleetback',
      password: randomBytes(18).toString('base64url'),
      database: 'fleetback',
      url: '',
    };
    info.url = `postgres://${info.user}:${info.password}@${info.host}:${info.port}/${info.database}`;
    const client = new Client(admin);
    await client.connect();
    try {
      // DDL takes no parameters; both values are generated above and contain only safe characters.
      await client.query(`create role ${info.user} login createdb password '${info.password}'`);
      await client.query(`create database ${info.database} owner ${info.user}`);
    } finally {
      await client.end();
    }
    return { info, stop, logTails: () => `----- postgres -----\n${running.logTail()}` };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** The directory holding `initdb` and `postgres`: from PATH, else the newest Debian cluster version. */
function findPostgresBin(): string {
  const hasBoth = (dir: string) => ['initdb', 'postgres'].every((name) => isExecutable(join(dir, name)));
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    // Resolve symlinks: PostgreSQL finds its share/ and lib/ relative to where the binary really lives.
    if (dir && hasBoth(dir)) return realpathSync(join(dir, 'postgres'), 'utf8').replace(/\/postgres$/, '');
  }
  const debianRoot = '/usr/lib/postgresql';
  const versions = existsSync(debianRoot)
    ? readdirSync(debianRoot)
        .filter((v) => /^\d+$/.test(v) && hasBoth(join(debianRoot, v, 'bin')))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  if (versions[0]) return join(debianRoot, versions[0], 'bin');
  throw new PeerMissingError('postgres', 'apt-get install -y postgresql');
}

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

interface RunAs {
  /** The command and arguments that run `binary` as the user PostgreSQL runs as. */
  wrap(binary: string, args: string[]): [string, string[]];
  /** Who must own the cluster directory, when not the current user. */
  owner?: { uid: number; gid: number };
}

/**
 * PostgreSQL refuses to run as root. Under root (CI containers) it runs as the `postgres` system user that
 * Debian's package creates; setpriv execs in place, so signals reach the server itself.
 */
function runAsPrefix(): RunAs {
  if (process.getuid?.() !== 0) return { wrap: (binary, args) => [binary, args] };
  const owner = systemUser('postgres');
  if (!owner) {
    throw new Error(
      "PostgreSQL cannot run as root and there is no 'postgres' system user to run it as: install it with " +
        "'apt-get install -y postgresql', or run the tests as a non-root user",
    );
  }
  const setpriv = [`--reuid=${owner.uid}`, `--regid=${owner.gid}`, '--clear-groups', '--'];
  return { wrap: (binary, args) => ['setpriv', [...setpriv, binary, ...args]], owner };
}

function systemUser(name: string): { uid: number; gid: number } | undefined {
  try {
    const [, , uid, gid] = execFileSync('getent', ['passwd', name], { encoding: 'utf8' }).split(':');
    return uid && gid ? { uid: Number(uid), gid: Number(gid) } : undefined;
  } catch {
    return undefined;
  }
}
