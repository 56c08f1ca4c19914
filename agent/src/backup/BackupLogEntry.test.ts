import { describe, expect, it } from 'vitest';
import { WireError } from '#schema/contracts/WireError';
import { type BackupLogEntry, parseBackupLogLine } from './BackupLogEntry.ts';

describe('parseBackupLogLine', () => {
  it('reads back what a rule wrote, info lines and output included', () => {
    const line: BackupLogEntry = {
      level: 'info',
      message: "pre-exec rule 'quiesce', sub-rule 1, action 1 (sync): exited with code 0 after 0.1 s",
      resource: 'pods',
      namespace: 'shop',
      name: 'db-0',
      rule: { hook: 'pre', id: 'r1', name: 'quiesce', subRule: 1, action: 1, container: 'db', exitCode: 0, stdout: 'ok\n' },
    };
    expect(parseBackupLogLine(JSON.stringify(line))).toEqual(line);
  });

  it('reads a collection problem, which has no rule', () => {
    const line = { level: 'error', message: 'could not be listed: HTTP 403', resource: 'secrets', namespace: 'shop' };
    expect(parseBackupLogLine(JSON.stringify(line))).toEqual(line);
  });

  it('refuses what is not a log line', () => {
    expect(() => parseBackupLogLine('{"level":"debug","message":"x"}')).toThrow(WireError);
    expect(() => parseBackupLogLine('{"level":"info","message":"x","rule":{"hook":"during"}}')).toThrow(WireError);
  });
});
