import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderValuesSchemas } from './buildValuesSchemas.ts';

/**
 * Writes `charts/<chart>/values.schema.json` from the hub's and the agent's settings tables, the same source
 * as the README's tables. Run with `npm run charts:emit` after changing a setting; a test fails when stale.
 */
const root = process.argv[2] ?? process.cwd();
for (const { chart, text } of renderValuesSchemas()) {
  writeFileSync(join(root, 'charts', chart, 'values.schema.json'), text);
  console.info(`wrote charts/${chart}/values.schema.json`);
}
