import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { renderConfigTable } from './renderConfigTable.ts';

it("the README's configuration table lists every setting as settings.ts defines it", () => {
  const readme = readFileSync(join(import.meta.dirname, '../../../README.md'), 'utf8');
  const section = readme.split('<!-- config:start -->')[1]?.split('<!-- config:end -->')[0]?.trim();
  expect(section).toBe(renderConfigTable());
});
