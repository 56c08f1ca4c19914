import { chmodSync, mkdirSync, mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { secureDataDir } from './secureDataDir.ts';

const modeOf = (path: string) => statSync(path).mode & 0o777;

function recordingLogger() {
  const lines: { path?: string; was?: string; msg?: string }[] = [];
  const logger = pino({ level: 'info' }, { write: (line: string) => lines.push(JSON.parse(line)) });
  return { logger, lines };
}

describe('secureDataDir', () => {
  it('creates a missing data directory 0700 and its SQLite file 0600', () => {
    const dataDir = join(mkdtempSync(join(tmpdir(), 'fleetback-modes-')), 'data');
    const { logger, lines } = recordingLogger();
    secureDataDir(dataDir, 'fleetback.sqlite', logger);
    expect(modeOf(dataDir)).toBe(0o700);
    expect(modeOf(join(dataDir, 'fleetback.sqlite'))).toBe(0o600);
    expect(lines).toEqual([]);
  });

  it('tightens a world-readable data directory and its files, logging each', () => {
    const dataDir = join(mkdtempSync(join(tmpdir(), 'fleetback-modes-')), 'data');
    mkdirSync(dataDir, { mode: 0o755 });
    chmodSync(dataDir, 0o755);
    for (const file of ['fleetback.sqlite', 'fleetback.sqlite-wal', 'master.key']) {
      writeFileSync(join(dataDir, file), '');
      chmodSync(join(dataDir, file), 0o644);
    }
    const { logger, lines } = recordingLogger();
    secureDataDir(dataDir, 'fleetback.sqlite', logger);
    expect(modeOf(dataDir)).toBe(0o700);
    for (const file of ['fleetback.sqlite', 'fleetback.sqlite-wal', 'master.key']) {
      expect(modeOf(join(dataDir, file))).toBe(0o600);
    }
    expect(lines.map((l) => [l.path, l.was])).toEqual([
      [dataDir, '0755'],
      [join(dataDir, 'fleetback.sqlite'), '0644'],
      [join(dataDir, 'fleetback.sqlite-wal'), '0644'],
      [join(dataDir, 'master.key'), '0644'],
    ]);
  });

  it('leaves a directory and files that are already private alone', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'fleetback-modes-'));
    writeFileSync(join(dataDir, 'fleetback.sqlite'), '', { mode: 0o600 });
    const { logger, lines } = recordingLogger();
    secureDataDir(dataDir, 'fleetback.sqlite', logger);
    expect(lines).toEqual([]);
  });
});
