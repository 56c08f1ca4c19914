import { describe, expect, inject, it } from 'vitest';
import { createOrm } from '../../hub/src/db/createOrm.ts';
import { freshDatabase } from '../kit/startTestHub.ts';

const world = inject('world');

describe.skipIf(!world.postgres)('PostgreSQL migrations', () => {
  it('build exactly the schema the entities describe', async () => {
    const orm = await createOrm({ dataDir: '', databaseUrl: await freshDatabase(world) });
    try {
      expect(await orm.schema.getUpdateSchemaSQL({ wrap: false })).toBe('');
    } finally {
      await orm.close();
    }
  });
});
