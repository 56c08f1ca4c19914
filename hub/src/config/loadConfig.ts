import { readSettings } from '#schema/settings/readSettings';
import type { SettingValues } from '#schema/settings/Setting';
import { WireError } from '#schema/contracts/WireError';
import { settings } from './settings.ts';

/** The hub's resolved configuration. Optional entries are those without a default. */
export type HubConfig = SettingValues<typeof settings>;

/** A setting has a bad value; the message names the variable or flag so the operator can fix it. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

/**
 * Reads the configuration from `--flags` (which win) and `FLEETBACK_*` variables, parses every value, and
 * checks settings that only make sense together. Throws a `ConfigError` naming the first bad setting.
 */
export function loadConfig(env: NodeJS.ProcessEnv, argv: string[]): HubConfig {
  let result: HubConfig;
  try {
    result = readSettings(settings, env, argv, "see the README's configuration table").values;
  } catch (error) {
    if (error instanceof WireError) throw new ConfigError(error.message);
    throw error;
  }
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
