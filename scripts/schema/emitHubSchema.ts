import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { printSchema } from 'graphql';
import { buildAgentSchema } from '../../hub/src/dispatch/buildAgentSchema.ts';
import { buildHubSchema } from '../../hub/src/server/buildHubSchema.ts';
import { consoleEnumsFile, renderConsoleEnums } from './renderConsoleEnums.ts';

/**
 * Writes `schema/hub.graphql` (the public API) and `schema/agent.graphql` (the agent link) from the
 * resolvers, and the console's types of the public API's enums from `hub.graphql`. Run with
 * `npm run schema:emit` after changing either.
 */
const root = process.argv[2] ?? process.cwd();
for (const [file, schema] of [
  ['hub.graphql', await buildHubSchema()],
  ['agent.graphql', await buildAgentSchema()],
] as const) {
  const text = `${printSchema(schema)}\n`;
  writeFileSync(join(root, 'schema', file), text);
  console.info(`wrote schema/${file} (${text.split('\n').length} lines)`);
  if (file === 'hub.graphql') {
    writeFileSync(join(root, consoleEnumsFile), renderConsoleEnums(text));
    console.info(`wrote ${consoleEnumsFile}`);
  }
}
