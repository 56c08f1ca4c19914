import { chmodSync, mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { describe, expect, inject, it } from 'vitest';
import { loadConfig } from '../../hub/src/config/loadConfig.ts';
import { startHub } from '../../hub/src/server/startHub.ts';

// The data directory holds the SQLite database (token hashes, sealed credentials) and the master key: a real
// hub keeps it private to its user, and tightens one it finds open to others.
const world = inject('world');
const modeOf = (path: string) => statSync(path).mode & 0o777;

/** Starts a hub on `dataDir` and stops it; returns its log and each file's mode while it ran. */
async function runHubOn(dataDir: string): Promise<{ log: string; modes: Record<string, number> }> {
  const logFile = join(world.logDir, `hub-modes-${Date.now()}.log`);
  const env = { FLEETBACK_DATA_DIR: dataDir, FLEETBACK_PORT: '0', FLEETBACK_HOST: '127.0.0.1' };
  const hub = await startHub(loadConfig(env, []), pino({ level: 'info' }, pino.destination({ dest: logFile, sync: true })));
  const modes = Object.fromEntries(readdirSync(dataDir).map((file) => [file, modeOf(join(dataDir, file))]));
  await hub.stop();
  return { log: readFileSync(logFile, 'utf8'), modes };
}

const private600 = { 'fleetback.sqlite': 0o600, 'fleetback.sqlite-wal': 0o600, 'fleetback.sqlite-shm': 0o600, 'master.key': 0o600 };

describe('the data directory', () => {
  it('is created 0700 with every SQLite file and the master key 0600', async () => {
    const dataDir = join(mkdtempSync(join(tmpdir(), 'fleetback-modes-')), 'data');
    const { log, modes } = await runHubOn(dataDir);
    expect(modeOf(dataDir)).toBe(0o700);
    expect(modes).toEqual(private600);
    expect(log).not.toContain('tightened');
  });

  it('is tightened at start when an earlier hub left it world-readable, with a log line', async () => {
    const dataDir = join(mkdtempSync(join(tmpdir(), 'fleetback-modes-')), 'data');
    await runHubOn(dataDir);
    chmodSync(dataDir, 0o755);
    for (const file of readdirSync(dataDir)) chmodSync(join(dataDir, file), 0o644);
    const { log, modes } = await runHubOn(dataDir);
    expect(modeOf(dataDir)).toBe(0o700);
    expect(modes).toEqual(private600);
    expect(log).toContain('tightened the permissions of a data file others could read');
    expect(log).toContain('"was":"0755"');
  });
});
