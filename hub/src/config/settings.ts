import type { Setting } from '#schema/settings/Setting';
import { logLevel, nonEmpty, seconds, wholeNumber } from '#schema/settings/settingParsers';

function port(raw: string): number {
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new Error(`'${raw}' is not a port number (0-65535)`);
  return n;
}

function url(protocols: string[]) {
  return (raw: string): string => {
    let parsed: URL;
    try {
      parsed = new URL(raw);
    } catch {
      throw new Error(`'${raw}' is not a URL`);
    }
    if (!protocols.includes(parsed.protocol)) {
      throw new Error(`'${raw}' must use ${protocols.map((p) => `${p}//`).join(' or ')}`);
    }
    return raw;
  };
}

function masterKey(raw: string): Buffer {
  const key = Buffer.from(raw, 'base64');
  if (key.length !== 32) throw new Error('must be 32 bytes, base64-encoded (e.g. `openssl rand -base64 32`)');
  return key;
}

function boolean(raw: string): boolean {
  if (raw === 'true') return true;
  if (raw === 'false') return false;
  throw new Error(`'${raw}' is not true or false`);
}

function absolutePaths(raw: string): string[] {
  const paths = raw
    .split(',')
    .map((p) => p.trim().replace(/(.)\/+$/, '$1'))
    .filter(Boolean);
  for (const path of paths) {
    if (!path.startsWith('/') || path.split('/').some((s) => s === '.' || s === '..'))
      throw new Error(`'${path}' is not a normalized absolute path`);
  }
  return paths;
}

/**
 * Every hub setting, in one table (the shape the agent's table shares): the environment variable, the matching
 * `fleetback hub --flag`, the default and the parser. The README's configuration table and the hub chart's
 * values schema are generated from it (and checked by tests).
 */
export const settings = {
  port: {
    env: 'FLEETBACK_PORT',
    flag: 'port',
    description: 'HTTP port serving /graphql, /agent, /healthz, /readyz, /metrics and the console',
    defaultValue: 8080,
    parse: port,
  },
  host: {
    env: 'FLEETBACK_HOST',
    flag: 'host',
    description: 'Address to listen on',
    defaultValue: '0.0.0.0',
    parse: nonEmpty,
  },
  dataDir: {
    env: 'FLEETBACK_DATA_DIR',
    flag: 'data-dir',
    description:
      'Directory for the SQLite database, the generated master key and the default filesystem location',
    defaultValue: './data',
    parse: nonEmpty,
  },
  databaseUrl: {
    env: 'FLEETBACK_DATABASE_URL',
    flag: 'database-url',
    description: 'PostgreSQL URL (postgres://user:pass@host:5432/db); when set, used instead of SQLite',
    defaultValue: undefined,
    parse: url(['postgres:', 'postgresql:']),
  },
  oidcIssuer: {
    env: 'FLEETBACK_OIDC_ISSUER',
    flag: 'oidc-issuer',
    description: 'OIDC issuer URL; when unset the hub runs in built-in mode with a one-time admin token',
    defaultValue: undefined,
    parse: url(['https:', 'http:']),
  },
  oidcAudience: {
    env: 'FLEETBACK_OIDC_AUDIENCE',
    flag: 'oidc-audience',
    description: 'Audience (`aud`) that bearer tokens must carry; required with an issuer',
    defaultValue: undefined,
    parse: nonEmpty,
  },
  oidcConsoleClientId: {
    env: 'FLEETBACK_OIDC_CONSOLE_CLIENT_ID',
    flag: 'oidc-console-client-id',
    description:
      'Client id of the web console at the issuer: a public client (no secret) with PKCE whose redirect URI is `<hub URL>/signin/callback`; without it the console offers token sign-in only',
    defaultValue: undefined,
    parse: nonEmpty,
  },
  oidcConsoleScopes: {
    env: 'FLEETBACK_OIDC_CONSOLE_SCOPES',
    flag: 'oidc-console-scopes',
    description:
      'Space-separated scopes the console asks for; its access token must carry the audience and the groups claim',
    defaultValue: 'openid profile email',
    parse: nonEmpty,
  },
  oidcGroupsClaim: {
    env: 'FLEETBACK_OIDC_GROUPS_CLAIM',
    flag: 'oidc-groups-claim',
    description: 'Token claim holding the user’s groups',
    defaultValue: 'groups',
    parse: nonEmpty,
  },
  adminGroups: {
    env: 'FLEETBACK_ADMIN_GROUPS',
    flag: 'admin-groups',
    description:
      'Comma-separated OIDC groups whose members administer the whole hub (create tenants, bind roles)',
    defaultValue: [] as string[],
    parse: (raw: string) =>
      raw
        .split(',')
        .map((g) => g.trim())
        .filter(Boolean),
  },
  masterKey: {
    env: 'FLEETBACK_MASTER_KEY',
    flag: 'master-key',
    description:
      'Base64 of 32 bytes encrypting secrets at rest (AES-256-GCM); required with PostgreSQL, else generated into the data directory',
    defaultValue: undefined,
    parse: masterKey,
  },
  jobLeaseSeconds: {
    env: 'FLEETBACK_JOB_LEASE_SECONDS',
    flag: 'job-lease-seconds',
    description:
      'How long an agent holds a job without reporting before the job is offered again; agents report well within it',
    defaultValue: 60,
    parse: seconds(3, 3600),
  },
  schedulerIntervalSeconds: {
    env: 'FLEETBACK_SCHEDULER_INTERVAL_SECONDS',
    flag: 'scheduler-interval-seconds',
    description:
      'How often the leading replica starts due schedules, applies retention and expiry, and retries failed deletions',
    defaultValue: 30,
    parse: seconds(1, 3600),
  },
  failedBackupRetentionSeconds: {
    env: 'FLEETBACK_FAILED_BACKUP_RETENTION_SECONDS',
    flag: 'failed-backup-retention-seconds',
    description: 'How long a Failed backup stays listed (for its errors) before its leftovers are deleted',
    defaultValue: 3 * 86_400,
    parse: seconds(60, 365 * 86_400),
  },
  disableAdminToken: {
    env: 'FLEETBACK_DISABLE_ADMIN_TOKEN',
    flag: 'disable-admin-token',
    description:
      'true: refuse the built-in admin token (OIDC deployments, where admin groups administer the hub); needs an OIDC issuer',
    defaultValue: false,
    parse: boolean,
  },
  oidcMaxTokenLifetimeSeconds: {
    env: 'FLEETBACK_OIDC_MAX_TOKEN_LIFETIME_SECONDS',
    flag: 'oidc-max-token-lifetime-seconds',
    description: 'Bearer JWTs whose `exp` lies further than this after their `iat` (or after now) are refused',
    defaultValue: 86_400,
    parse: seconds(60, 30 * 86_400),
  },
  subscriptionMaxLifetimeSeconds: {
    env: 'FLEETBACK_SUBSCRIPTION_MAX_LIFETIME_SECONDS',
    flag: 'subscription-max-lifetime-seconds',
    description:
      'A public subscription ends with an UNAUTHENTICATED error after this long, or once its token has expired or been revoked; the client subscribes again',
    defaultValue: 3600,
    parse: seconds(10, 7 * 86_400),
  },
  maxConnectionsPerAddress: {
    env: 'FLEETBACK_MAX_CONNECTIONS_PER_ADDRESS',
    flag: 'max-connections-per-address',
    description:
      'Open WebSocket connections (public API and agent link together) allowed from one source address; raise it behind a proxy that hides client addresses',
    defaultValue: 100,
    parse: wholeNumber(1, 100_000),
  },
  authFailuresPerMinute: {
    env: 'FLEETBACK_AUTH_FAILURES_PER_MINUTE',
    flag: 'auth-failures-per-minute',
    description:
      'Failed authentications (a token presented and refused) one source address may have in a minute before its requests get TOO_MANY_REQUESTS until the minute ends; 0: no limit. Behind a proxy that hides client addresses all clients share one',
    defaultValue: 20,
    parse: wholeNumber(0, 1_000_000),
  },
  filesystemLocationRoots: {
    env: 'FLEETBACK_FILESYSTEM_LOCATION_ROOTS',
    flag: 'filesystem-location-roots',
    description:
      'Comma-separated directories (as agents see them) under which filesystem locations must lie; unset: anywhere but system directories (/etc, /proc, /sys, /dev, /boot, /run, /var/run), which are never allowed',
    defaultValue: [] as string[],
    parse: absolutePaths,
  },
  logLevel: {
    env: 'FLEETBACK_LOG_LEVEL',
    flag: 'log-level',
    description: 'debug, info, warn or error',
    defaultValue: 'info',
    parse: logLevel,
  },
} satisfies Record<string, Setting<unknown>>;
