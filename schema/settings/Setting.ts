/**
 * One setting of the hub or the agent: the environment variable, the matching `fleetback hub|agent --flag`,
 * the default and the parser. Each side keeps all its settings in one table of these; the README's tables,
 * `--help` and the charts' values schemas are generated from it.
 */
export interface Setting<T> {
  env: `FLEETBACK_${string}`;
  flag: string;
  description: string;
  /** The value used when neither the variable nor the flag is given; `undefined` means "unset". */
  defaultValue: T | undefined;
  /** Turns the raw text into a value, or throws an Error whose message says what is wrong. */
  parse(raw: string): T;
}

/** A table of settings, keyed by the name the program uses. */
export type SettingsTable = Record<string, Setting<unknown>>;

// The parser's result, not the default's type: a default of 'info' must not widen a parsed log level to string.
type ValueOf<S> = S extends { parse(raw: string): infer T } ? T : never;

/** The values read from a table: a setting without a default may be `undefined`. */
export type SettingValues<S extends SettingsTable> = {
  [K in keyof S]: S[K]['defaultValue'] extends undefined ? ValueOf<S[K]> | undefined : ValueOf<S[K]>;
};

/** The default as documentation shows it, or `undefined` when there is none to show. */
export function shownDefault(setting: Setting<unknown>): string | undefined {
  const fallback = setting.defaultValue;
  if (fallback === undefined) return undefined;
  if (Array.isArray(fallback)) return fallback.length ? fallback.join(',') : undefined;
  return String(fallback);
}
