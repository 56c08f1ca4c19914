import { describe, expect, it } from 'vitest';
import type { Setting } from './Setting.ts';
import { WireError } from '../contracts/WireError.ts';
import { readSettings } from './readSettings.ts';
import { renderSettingsHelp, renderSettingsTable } from './renderSettingsTable.ts';
import { seconds } from './settingParsers.ts';

const table = {
  wait: { env: 'FLEETBACK_WAIT_SECONDS', flag: 'wait-seconds', description: 'How long to wait', defaultValue: 5, parse: seconds(1, 60) },
  name: { env: 'FLEETBACK_NAME', flag: 'name', description: 'A name', defaultValue: undefined, parse: (raw: string) => raw },
} satisfies Record<string, Setting<unknown>>;

describe('readSettings', () => {
  it('takes the flag over the variable, an empty value as unset, and the default when unset', () => {
    const read = readSettings(table, { FLEETBACK_WAIT_SECONDS: '7', FLEETBACK_NAME: '' }, [], 'see --help');
    expect(read.values).toEqual({ wait: 7, name: undefined });
    expect(read.sourceOf('wait')).toBe('FLEETBACK_WAIT_SECONDS');
    const flagged = readSettings(table, { FLEETBACK_WAIT_SECONDS: '7' }, ['--wait-seconds', '9'], 'see --help');
    expect(flagged.values.wait).toBe(9);
    expect(flagged.sourceOf('wait')).toBe('--wait-seconds');
    expect(readSettings(table, {}, [], 'see --help').values.wait).toBe(5);
  });

  it('names the variable or the flag that gave a bad value, in one line', () => {
    const bad = (env: NodeJS.ProcessEnv, argv: string[]) => {
      try {
        readSettings(table, env, argv, 'see --help');
      } catch (error) {
        expect(error).toBeInstanceOf(WireError);
        return (error as WireError).message;
      }
      throw new Error('expected a WireError');
    };
    expect(bad({ FLEETBACK_WAIT_SECONDS: '1.5' }, [])).toBe(
      "FLEETBACK_WAIT_SECONDS: '1.5' is not a whole number of seconds from 1 to 60",
    );
    expect(bad({}, ['--wait-seconds', '0'])).toBe("--wait-seconds: '0' is not a whole number of seconds from 1 to 60");
    expect(bad({}, ['--bogus', 'x'])).toMatch(/bogus.*; see --help$/);
  });
});

describe('renderSettingsTable and renderSettingsHelp', () => {
  it('show every setting with its variable, flag and default', () => {
    expect(renderSettingsTable(table).split('\n')).toEqual([
      '| variable | flag | default | meaning |',
      '| --- | --- | --- | --- |',
      '| `FLEETBACK_WAIT_SECONDS` | `--wait-seconds` | `5` | How long to wait |',
      '| `FLEETBACK_NAME` | `--name` | — | A name |',
    ]);
    const help = renderSettingsHelp(table).split('\n');
    expect(help[0]).toMatch(/^ {2}--wait-seconds +FLEETBACK_WAIT_SECONDS +How long to wait \(default 5\)$/);
    expect(help[1]).toMatch(/^ {2}--name +FLEETBACK_NAME +A name$/);
  });
});
