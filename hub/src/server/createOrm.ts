import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { MikroORM, type Options } from '@mikro-orm/core';
import { Migrator } from '@mikro-orm/migrations';
import { PostgreSqlDriver } from '@mikro-orm/postgresql';
import { NodeSqliteDialect, SqliteDriver } from '@mikro-orm/sql';
import { namespaceScopeFilter } from '../db/namespaceScopeFilter.ts';
import { entities } from './entities.ts';
import { jobKindHandlers } from './jobKindHandlers.ts';
import { postgresqlMigrations } from '../db/migrations/postgresql/index.ts';
import { sqliteMigrations } from '../db/migrations/sqlite/index.ts';

export interface DatabaseConfig {
  /** postgres://… selects PostgreSQL; otherwise SQLite in `dataDir`. */
  databaseUrl?: string | undefined;
  dataDir: string;
  /** SQLite only: a file name inside `dataDir`, or `:memory:` for tests. */
  sqliteFile?: string;
}

export type Dialect = 'sqlite' | 'postgresql';

/** The SQLite database's file in the data directory, unless `sqliteFile` names another. */
export const defaultSqliteFile = 'fleetback.sqlite';

export function dialectOf(config: DatabaseConfig): Dialect {
  return config.databaseUrl ? 'postgresql' : 'sqlite';
}

/** ORM options for either database, without connecting; used by the hub and the migration generator. */
export function ormOptions(config: DatabaseConfig): Partial<Options> {
  const common = {
    entities,
    extensions: [Migrator],
    allowGlobalContext: false,
    debug: false,
    discovery: { warnWhenNoEntities: false },
    // The jobs' namespace filter, from the reach each kind's handler declares (see JobEntity).
    filters: {
      namespaceScope: { ...namespaceScopeFilter('job', jobNamespaceReach()), entity: ['Job'] },
    },
  } satisfies Partial<Options>;
  if (config.databaseUrl) {
    return {
      ...common,
      driver: PostgreSqlDriver,
      clientUrl: config.databaseUrl,
      migrations: { migrationsList: postgresqlMigrations, silent: true, snapshot: false },
    };
  }
  const file = config.sqliteFile ?? defaultSqliteFile;
  const path = file === ':memory:' ? file : join(config.dataDir, file);
  if (path !== ':memory:') mkdirSync(config.dataDir, { recursive: true, mode: 0o700 });
  return {
    ...common,
    driver: SqliteDriver,
    dbName: path,
    driverOptions: new NodeSqliteDialect(path),
    migrations: { migrationsList: sqliteMigrations, silent: true, snapshot: false },
  };
}

/** Connects to the configured database and applies the checked-in migrations that have not run yet. */
export async function createOrm(config: DatabaseConfig): Promise<MikroORM> {
  const orm = await MikroORM.init(ormOptions(config));
  if (dialectOf(config) === 'sqlite') {
    // WAL lets readers proceed during a write; busy_timeout waits out short write locks instead of failing.
    const connection = orm.em.getConnection();
    await connection.execute('pragma journal_mode = wal');
    await connection.execute('pragma busy_timeout = 5000');
  }
  await orm.migrator.up();
  return orm;
}

/** Each job kind's namespace reach, as its handler declares it. */
function jobNamespaceReach() {
  return Object.fromEntries(Object.entries(jobKindHandlers).map(([kind, handler]) => [kind, handler.namespaceReach]));
}
