import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { agentSettings } from '../../agent/src/config/agentSettings.ts';
import { renderConfigTable } from '../../hub/src/config/renderConfigTable.ts';
import { renderSettingsTable } from '#schema/settings/renderSettingsTable';

/**
 * Rewrites the README's settings tables (between the `<!-- config:… -->` and `<!-- agent-config:… -->`
 * markers) from the hub's and the agent's settings tables. Run with `npm run docs:emit` after changing a
 * setting; tests fail when the README is stale.
 */
const file = join(process.argv[2] ?? process.cwd(), 'README.md');
let readme = readFileSync(file, 'utf8');
for (const [marker, table] of [
  ['config', renderConfigTable()],
  ['agent-config', renderSettingsTable(agentSettings)],
] as const) {
  const start = `<!-- ${marker}:start -->\n`;
  const end = `\n<!-- ${marker}:end -->`;
  const from = readme.indexOf(start);
  const to = readme.indexOf(end, from);
  if (from < 0 || to < 0) throw new Error(`README.md lacks the ${start.trim()} … ${end.trim()} markers`);
  readme = readme.slice(0, from + start.length) + table + readme.slice(to);
}
writeFileSync(file, readme);
console.info('wrote the settings tables of README.md');
