import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkedSchemas } from './AllowedBreakingChange.ts';

/**
 * Run at release time (`npm run schema:release`), after `npm run schema:emit`: the current `schema/hub.graphql`
 * and `schema/agent.graphql` become the released copies under `schema/released/` that later changes are
 * checked against, and the allow-list empties, since what it accepted is now released.
 */
const root = process.argv[2] ?? process.cwd();
const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };
for (const file of checkedSchemas) {
  const sdl = readFileSync(join(root, 'schema', file), 'utf8');
  const header =
    `# schema/${file} as of fleetback ${version}: the released baseline of the breaking-change check\n` +
    '# (scripts/schema/schemaEvolution.test.ts). Written by `npm run schema:release`; do not edit.\n\n';
  writeFileSync(join(root, 'schema/released', file), header + sdl);
  console.info(`wrote schema/released/${file} (fleetback ${version})`);
}
writeFileSync(join(root, 'schema/released/allowedBreakingChanges.json'), '[]\n');
console.info('emptied schema/released/allowedBreakingChanges.json');
