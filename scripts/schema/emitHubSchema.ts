import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { printSchema } from 'graphql';
import { buildHubSchema } from '../../hub/src/graphql/buildHubSchema.ts';

/** Writes `schema/hub.graphql` from the resolvers. Run with `npm run schema:emit` after changing the API. */
const root = process.argv[2] ?? process.cwd();
const text = `${printSchema(await buildHubSchema())}\n`;
writeFileSync(join(root, 'schema', 'hub.graphql'), text);
console.info(`wrote schema/hub.graphql (${text.split('\n').length} lines)`);
