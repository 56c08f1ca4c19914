import { describe, expect, it } from 'vitest';
import type { RuleAction } from '#schema/contracts/RuleSpec';
import { actionArgv, describeCommand } from './actionArgv.ts';

const action = (fields: Partial<RuleAction>): RuleAction => ({
  command: null,
  argv: null,
  container: null,
  background: false,
  runInSinglePod: false,
  timeoutSeconds: 60,
  continueOnFailure: false,
  ...fields,
});

describe('actionArgv', () => {
  it('runs a command line through /bin/sh -c, whole, so pipes and variables work', () => {
    expect(actionArgv(action({ command: 'mysql -e "FLUSH TABLES" | tee /tmp/x; echo $?' }))).toEqual([
      '/bin/sh',
      '-c',
      'mysql -e "FLUSH TABLES" | tee /tmp/x; echo $?',
    ]);
  });

  it('runs an argv as it is, for images without a shell', () => {
    expect(actionArgv(action({ argv: ['/usr/bin/pg_dump', '--file', '/backup/db dump.sql'] }))).toEqual([
      '/usr/bin/pg_dump',
      '--file',
      '/backup/db dump.sql',
    ]);
  });
});

describe('describeCommand', () => {
  it('shows the command on one line', () => {
    expect(describeCommand(action({ command: 'sync\n  fsfreeze -f /data' }))).toBe('sync fsfreeze -f /data');
    expect(describeCommand(action({ argv: ['pg_dump', '-f', 'x'] }))).toBe('pg_dump -f x');
  });

  it('cuts a long command', () => {
    const shown = describeCommand(action({ command: 'x'.repeat(200) }));
    expect(shown).toHaveLength(80);
    expect(shown.endsWith('…')).toBe(true);
  });
});
