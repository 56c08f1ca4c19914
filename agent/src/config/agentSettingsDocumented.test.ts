import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { renderSettingsTable } from '#schema/settings/renderSettingsTable';
import { agentSettings } from './agentSettings.ts';

it("the README's agent settings table is the one rendered from agentSettings (run `npm run docs:emit` when not)", () => {
  const readme = readFileSync(join(import.meta.dirname, '../../../README.md'), 'utf8');
  const section = readme.split('<!-- agent-config:start -->')[1]?.split('<!-- agent-config:end -->')[0]?.trim();
  expect(section).toBe(renderSettingsTable(agentSettings));
});
