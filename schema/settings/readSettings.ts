import { parseArgs } from 'node:util';
import type { Setting, SettingValues, SettingsTable } from './Setting.ts';
import { WireError } from '../contracts/WireError.ts';

/** What `readSettings` found: the parsed values, and where each came from for messages about them. */
export interface ReadSettings<S extends SettingsTable> {
  values: SettingValues<S>;
  /** `--flag` when the flag gave the value, else the variable's name. */
  sourceOf(key: keyof S): string;
}

/**
 * Reads every setting of `table` from `--flags` (which win) and `FLEETBACK_*` variables; an empty value counts
 * as unset. Throws a `WireError` naming the first bad setting; an unknown flag's message ends with `hint`.
 */
export function readSettings<S extends SettingsTable>(
  table: S,
  env: NodeJS.ProcessEnv,
  argv: string[],
  hint: string,
): ReadSettings<S> {
  const entries = Object.entries(table) as [keyof S & string, Setting<unknown>][];
  let flags: Record<string, string | undefined>;
  try {
    flags = parseArgs({
      args: argv,
      options: Object.fromEntries(entries.map(([, s]) => [s.flag, { type: 'string' as const }])),
      strict: true,
      allowPositionals: false,
    }).values as Record<string, string | undefined>;
  } catch (error) {
    throw new WireError('', `${(error as Error).message}; ${hint}`);
  }
  const sourceOf = (key: keyof S) => {
    const setting = table[key] as Setting<unknown>;
    return flags[setting.flag] !== undefined ? `--${setting.flag}` : setting.env;
  };
  const values: Record<string, unknown> = {};
  for (const [key, setting] of entries) {
    const raw = flags[setting.flag] ?? env[setting.env];
    if (raw === undefined || raw === '') {
      values[key] = setting.defaultValue;
      continue;
    }
    try {
      values[key] = setting.parse(raw);
    } catch (error) {
      throw new WireError(sourceOf(key), (error as Error).message);
    }
  }
  return { values: values as SettingValues<S>, sourceOf };
}
