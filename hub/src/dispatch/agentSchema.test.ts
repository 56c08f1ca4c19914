import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { printSchema } from 'graphql';
import { expect, it } from 'vitest';
import { buildAgentSchema } from './buildAgentSchema.ts';

it('schema/agent.graphql matches the resolvers (run `npm run schema:emit` when it does not)', async () => {
  const emitted = readFileSync(join(import.meta.dirname, '../../../schema/agent.graphql'), 'utf8');
  expect(`${printSchema(await buildAgentSchema())}\n`).toBe(emitted);
});
