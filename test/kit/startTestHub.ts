import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { pino } from 'pino';
import { loadConfig } from '../../hub/src/config/loadConfig.ts';
import type { Clock } from '../../hub/src/scheduler/Clock.ts';
import { type RunningHub, startHub } from '../../hub/src/server/startHub.ts';
import type { WorldInfo } from '../world/WorldInfo.ts';

export type Database = 'sqlite' | 'postgresql';

export interface GqlResult<T = Record<string, unknown>> {
  status: number;
  data: T | null | undefined;
  errors: { message: string; extensions?: { code?: string; field?: string } }[] | undefined;
}

export interface TestHub {
  url: string;
  adminToken: string;
  /** Posts one GraphQL operation with `Authorization: Bearer token` (none when `token` is undefined). */
  gql<T = Record<string, unknown>>(
    token: string | undefined,
    query: string,
    variables?: object,
  ): Promise<GqlResult<T>>;
  /** `gql` as the built-in admin, resolving to the data; rejects with the errors' messages when there are any. */
  admin<T = Record<string, unknown>>(query: string, variables?: object): Promise<T>;
  /** Runs a scheduler pass now; undefined when this hub does not lead. */
  runScheduler(): ReturnType<RunningHub['runScheduler']>;
  stop(): Promise<void>;
}

/** Where a test hub keeps its state, for suites that inspect what it stored. */
export interface TestHubStorage {
  /** The hub's data directory: its SQLite file (when not on PostgreSQL) and its generated `master.key`. */
  dataDir: string;
  /** The PostgreSQL database the hub uses; undefined on SQLite. */
  databaseUrl: string | undefined;
  /** The hub's log, in the world's log directory. */
  logFile: string;
  /** The master key sealing secrets: configured on PostgreSQL, generated into `dataDir` on SQLite. */
  masterKey: Buffer;
}

export interface StartTestHubOptions {
  database: Database;
  world: WorldInfo;
  /** Trust the world's identity provider. */
  oidc?: boolean;
  adminGroups?: string[];
  /** Start again on the storage (and port) of a stopped hub, as a restart would; or share it, as a replica. */
  reuse?: { dataDir: string; databaseUrl: string | undefined; masterKey: Buffer; adminToken: string; port?: number };
  /** FLEETBACK_JOB_LEASE_SECONDS, for suites that wait for a lease to lapse. */
  jobLeaseSeconds?: number;
  /** The scheduler's clock, for suites that move time by hand. */
  clock?: Clock;
  /** More FLEETBACK_* settings, for suites about one setting. */
  settings?: Record<`FLEETBACK_${string}`, string>;
}

/**
 * Starts a real hub in this process on a free port, with a fresh SQLite file or a fresh PostgreSQL database
 * of the world's server, and its log in the world's log directory.
 */
export async function startTestHub(options: StartTestHubOptions): Promise<TestHub & TestHubStorage> {
  const { reuse } = options;
  const dataDir = reuse?.dataDir ?? mkdtempSync(join(tmpdir(), 'fleetback-hub-'));
  const env: NodeJS.ProcessEnv = {
    FLEETBACK_PORT: String(reuse?.port ?? 0),
    FLEETBACK_HOST: '127.0.0.1',
    FLEETBACK_DATA_DIR: dataDir,
  };
  if (options.jobLeaseSeconds) env.FLEETBACK_JOB_LEASE_SECONDS = String(options.jobLeaseSeconds);
  // With a hand-moved clock the suite runs every pass itself; the timer's would land at unplanned moments.
  if (options.clock) env.FLEETBACK_SCHEDULER_INTERVAL_SECONDS = '3600';
  if (reuse?.databaseUrl) {
    env.FLEETBACK_DATABASE_URL = reuse.databaseUrl;
    env.FLEETBACK_MASTER_KEY = reuse.masterKey.toString('base64');
  } else if (options.database === 'postgresql') {
    env.FLEETBACK_DATABASE_URL = await freshDatabase(options.world);
    env.FLEETBACK_MASTER_KEY = randomBytes(32).toString('base64');
  }
  if (options.oidc) {
    const idp = options.world.idp;
    if (!idp) throw new Error('startTestHub: the world has no identity provider');
    Object.assign(env, {
      FLEETBACK_OIDC_ISSUER: idp.issuer,
      FLEETBACK_OIDC_AUDIENCE: idp.audience,
      FLEETBACK_OIDC_CONSOLE_CLIENT_ID: idp.consoleClientId,
    });
  }
  if (options.adminGroups) env.FLEETBACK_ADMIN_GROUPS = options.adminGroups.join(',');
  Object.assign(env, options.settings);
  const logFile = join(options.world.logDir, `hub-${Date.now()}.log`);
  const logger = pino({ level: 'info' }, pino.destination(logFile));
  const hub = await startHub(loadConfig(env, []), logger, { clock: options.clock });
  const adminToken = hub.adminToken ?? reuse?.adminToken ?? '';
  // A hub that refuses the built-in admin token makes none; every other fresh hub prints one.
  const refusesAdminToken = options.settings?.FLEETBACK_DISABLE_ADMIN_TOKEN === 'true';
  if (!adminToken && !refusesAdminToken) throw new Error('a fresh hub must print an admin token');
  const gql: TestHub['gql'] = async (token, query, variables) => {
    const response = await fetch(`${hub.url}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as Omit<GqlResult, 'status'>;
    return { status: response.status, data: body.data as never, errors: body.errors };
  };
  return {
    url: hub.url,
    adminToken,
    dataDir,
    databaseUrl: env.FLEETBACK_DATABASE_URL,
    logFile,
    masterKey: Buffer.from(
      env.FLEETBACK_MASTER_KEY ?? readFileSync(join(dataDir, 'master.key'), 'utf8').trim(),
      'base64',
    ),
    gql,
    async admin<T>(query: string, variables?: object): Promise<T> {
      const result = await gql<T>(adminToken, query, variables);
      if (result.errors?.length) throw new Error(result.errors.map((e) => e.message).join('; '));
      return result.data as T;
    },
    runScheduler: () => hub.runScheduler(),
    stop: () => hub.stop(),
  };
}

/** Creates an empty database on the world's PostgreSQL server and returns its URL. */
export async function freshDatabase(world: WorldInfo): Promise<string> {
  const server = world.postgres;
  if (!server) throw new Error('startTestHub: the world has no PostgreSQL');
  const name = `hub_${Date.now()}_${Math.floor(Math.random() * 1e6)}`;
  const client = new pg.Client({ connectionString: server.url });
  await client.connect();
  await client.query(`create database ${name}`);
  await client.end();
  return `postgres://${encodeURIComponent(server.user)}:${encodeURIComponent(server.password)}@${server.host}:${server.port}/${name}`;
}
