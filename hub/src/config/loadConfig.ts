import { parseArgs } from 'node:util';
import { type Setting, settings } from './settings.ts';

type Settings = typeof settings;
type ValueOf<S> = S extends Setting<infer T> ? T : never;

/** The hub's resolved configuration. Optional entries are those without a default. */
export type HubConfig = {
  [K in keyof Settings]: Settings[K]['defaultValue'] extends undefined
    ? ValueOf<Settings[K]> | undefined
    : ValueOf<Settings[K]>;
};

/** A setting has a bad value; the message names the variable or flag so the operator can fix it. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

/**
 * Reads the configuration from `--flags` (which win) and `FLEETBACK_*` variables, parses every value, and
 * checks settings that only make sense together. Throws a `ConfigError` naming the first bad setting.
 */
export function loadConfig(env: NodeJS.ProcessEnv, argv: string[]): HubConfig {
  const entries = Object.entries(settings) as [keyof Settings, Setting<unknown>][];
  let flags: Record<string, string | undefined>;
  try {
    flags = parseArgs({
      args: argv,
      options: Object.fromEntries(entries.map(([, s]) => [s.flag, { type: 'string' as const }])),
      strict: true,
      allowPositionals: false,
    }).values as Record<string, string | undefined>;
  } catch (error) {
    throw new ConfigError(`${(error as Error).message}; see the README's configuration table`);
  }
  const config: Record<string, unknown> = {};
  for (const [key, setting] of entries) {
    const fromFlag = flags[setting.flag];
    const raw = fromFlag ?? env[setting.env];
    if (raw === undefined || raw === '') {
      config[key] = setting.defaultValue;
      continue;
    }
    try {
      config[key] = setting.parse(raw);
    } catch (error) {
      const source = fromFlag !== undefined ? `--${setting.flag}` : setting.env;
      throw new ConfigError(`${source}: ${(error as Error).message}`);
    }
  }
  const result = config as HubConfig;
  if (result.oidcIssuer && !result.oidcAudience) {
    throw new ConfigError(`${settings.oidcAudience.env}: required when ${settings.oidcIssuer.env} is set`);
  }
  if (result.oidcConsoleClientId && !result.oidcIssuer) {
    throw new ConfigError(`${settings.oidcConsoleClientId.env}: needs ${settings.oidcIssuer.env} as well`);
  }
  if (result.disableAdminToken && !result.oidcIssuer) {
    // Without OIDC the built-in admin token is the only way in; disabling it would lock everyone out.
    throw new ConfigError(`${settings.disableAdminToken.env}: needs ${settings.oidcIssuer.env} as well`);
  }
  if (result.databaseUrl && !result.masterKey) {
    // Replicas sharing a database must share the key; one generated into a replica's own data directory
    // would leave the others unable to read the credentials it stored.
    throw new ConfigError(
      `${settings.masterKey.env}: required with ${settings.databaseUrl.env}, the same on every replica (make one with \`openssl rand -base64 32\`)`,
    );
  }
  return result;
}
