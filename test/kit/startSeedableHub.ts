import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { MikroORM } from '@mikro-orm/core';
import pg from 'pg';
import { pino } from 'pino';
import { loadConfig } from '../../hub/src/config/loadConfig.ts';
import { createOrm } from '../../hub/src/db/createOrm.ts';
import { startHub } from '../../hub/src/server/startHub.ts';
import type { GqlResult, StartTestHubOptions, TestHub } from './startTestHub.ts';

export interface SeedableHub extends TestHub {
  /** A second connection to the hub's database, for rows only an agent would write (finished backups). */
  orm: MikroORM;
}

/**
 * Like `startTestHub`, and also opens the hub's database, so suites can seed what agents will produce once
 * they exist. The hub's own connection is untouched; the seed connection is closed by `stop`.
 */
export async function startSeedableHub(options: StartTestHubOptions): Promise<SeedableHub> {
  const dataDir = mkdtempSync(join(tmpdir(), 'fleetback-hub-'));
  const env: NodeJS.ProcessEnv = {
    FLEETBACK_PORT: '0',
    FLEETBACK_HOST: '127.0.0.1',
    FLEETBACK_DATA_DIR: dataDir,
  };
  if (options.database === 'postgresql') env.FLEETBACK_DATABASE_URL = await freshDatabase(options);
  if (options.oidc) {
    const idp = options.world.idp;
    if (!idp) throw new Error('startSeedableHub: the world has no identity provider');
    Object.assign(env, { FLEETBACK_OIDC_ISSUER: idp.issuer, FLEETBACK_OIDC_AUDIENCE: idp.audience });
  }
  if (options.adminGroups) env.FLEETBACK_ADMIN_GROUPS = options.adminGroups.join(',');
  const config = loadConfig(env, []);
  const logger = pino(
    { level: 'info' },
    pino.destination(join(options.world.logDir, `hub-${Date.now()}.log`)),
  );
  const hub = await startHub(config, logger);
  if (!hub.adminToken) throw new Error('a fresh hub must print an admin token');
  const orm = await createOrm(config);
  return {
    url: hub.url,
    adminToken: hub.adminToken,
    orm,
    async gql<T>(token: string | undefined, query: string, variables?: object): Promise<GqlResult<T>> {
      const response = await fetch(`${hub.url}/graphql`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await response.json()) as Omit<GqlResult<T>, 'status'>;
      return { status: response.status, data: body.data, errors: body.errors };
    },
    async stop() {
      await orm.close();
      await hub.stop();
    },
  };
}

async function freshDatabase({ world }: StartTestHubOptions): Promise<string> {
  const server = world.postgres;
  if (!server) throw new Error('startSeedableHub: the world has no PostgreSQL');
  const name = `hub_${Date.now()}_${Math.floor(Math.random() * 1e6)}`;
  const client = new pg.Client({ connectionString: server.url });
  await client.connect();
  await client.query(`create database ${name}`);
  await client.end();
  return `postgres://${encodeURIComponent(server.user)}:${encodeURIComponent(server.password)}@${server.host}:${server.port}/${name}`;
}
