import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// The console README's layout table is where a newcomer looks for a folder's purpose; a folder missing from it
// is one nobody explained.
describe('the console README layout table', () => {
  it('lists every folder of hub/console/src, and no folder that is gone', () => {
    const here = import.meta.dirname;
    const folders = readdirSync(join(here, 'src'), { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => `${entry.name}/`)
      .sort();
    const readme = readFileSync(join(here, 'README.md'), 'utf8');
    const listed = [...readme.matchAll(/^\| `([a-z]+\/)` +\|/gm)].map((m) => m[1]).sort();
    expect(listed).toEqual(folders);
  });
});
