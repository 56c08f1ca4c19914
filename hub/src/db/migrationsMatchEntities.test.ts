import { expect, it } from 'vitest';
import { createOrm } from '../server/createOrm.ts';

it('the checked-in SQLite migrations build exactly the schema the entities describe', async () => {
  const orm = await createOrm({ dataDir: '', sqliteFile: ':memory:' });
  try {
    expect(await orm.schema.getUpdateSchemaSQL({ wrap: false })).toBe('');
  } finally {
    await orm.close();
  }
});
