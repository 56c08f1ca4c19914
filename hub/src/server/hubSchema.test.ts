import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { printSchema } from 'graphql';
import { expect, it } from 'vitest';
import { buildHubSchema } from './buildHubSchema.ts';

it('schema/hub.graphql matches the resolvers (run `npm run schema:emit` when it does not)', async () => {
  const emitted = readFileSync(join(import.meta.dirname, '../../../schema/hub.graphql'), 'utf8');
  expect(`${printSchema(await buildHubSchema())}\n`).toBe(emitted);
});
