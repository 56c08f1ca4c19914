import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { agentSettings } from './loadAgentConfig.ts';

it("the README's agent table lists every agent setting with its flag", () => {
  const readme = readFileSync(join(import.meta.dirname, '../../../README.md'), 'utf8');
  for (const setting of Object.values(agentSettings)) {
    expect(readme).toContain(`| \`${setting.env}\` | \`--${setting.flag}\` |`);
  }
});
