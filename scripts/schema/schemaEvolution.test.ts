import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkedSchemas, parseAllowedBreakingChanges } from './AllowedBreakingChange.ts';
import { compareWithReleased } from './compareWithReleased.ts';

const schemaDir = join(import.meta.dirname, '../../schema');
const read = (path: string) => readFileSync(join(schemaDir, path), 'utf8');
const allowList = parseAllowedBreakingChanges(JSON.parse(read('released/allowedBreakingChanges.json')));

describe.each(checkedSchemas)('schema/%s against its released copy', (file) => {
  const comparison = compareWithReleased(file, read(`released/${file}`), read(file), allowList);

  it('breaks nothing a released client relies on, unless schema/released/allowedBreakingChanges.json accepts it', () => {
    for (const change of comparison.dangerous) console.warn(`schema/${file}: dangerous change ${change.type}: ${change.description}`);
    expect(comparison.unlisted.map(({ type, description }) => ({ schema: file, type, description }))).toEqual([]);
  });

  it('has no allow-list entry that matches no change (remove it)', () => {
    expect(comparison.stale).toEqual([]);
  });
});
