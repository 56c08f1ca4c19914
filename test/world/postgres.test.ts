import { Client } from 'pg';
import { describe, expect, inject, it } from 'vitest';
import type { PostgresInfo } from './WorldInfo.ts';

const world = inject('world');

// Suite bodies are collected even when skipped, so the peer is read lazily.
function postgres(): PostgresInfo {
  if (!world.postgres) throw new Error('the postgres peer is not running');
  return world.postgres;
}

async function withClient<T>(
  config: ConstructorParameters<typeof Client>[0],
  use: (c: Client) => Promise<T>,
) {
  const client = new Client(config);
  await client.connect();
  try {
    return await use(client);
  } finally {
    await client.end();
  }
}

describe.skipIf(!world.postgres)('test world: PostgreSQL', () => {
  it('accepts the fleetback user over TCP and stores rows', async () => {
    const { host, port, user, password, database } = postgres();
    await withClient({ host, port, user, password, database }, async (client) => {
      const { rows } = await client.query<{ version: string }>('select version()');
      expect(rows[0]?.version).toContain('PostgreSQL');

      await client.query('create table world_probe (id serial primary key, name text not null)');
      await client.query('insert into world_probe (name) values ($1), ($2)', ['a', 'b']);
      const names = await client.query<{ name: string }>('select name from world_probe order by id');
      expect(names.rows.map((r) => r.name)).toEqual(['a', 'b']);
      await client.query('drop table world_probe');
    });
  });

  it('connects with the url', async () => {
    const db = await withClient({ connectionString: postgres().url }, async (c) => {
      return (await c.query<{ db: string }>('select current_database() as db')).rows[0]?.db;
    });
    expect(db).toBe(postgres().database);
  });

  it('checks the password', async () => {
    const { host, port, user, database } = postgres();
    await expect(
      withClient({ host, port, user, database, password: 'wrong' }, async () => 1),
    ).rejects.toThrow(/password authentication failed/);
  });
});
