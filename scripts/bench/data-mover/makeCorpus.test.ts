import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { changePages } from './changePages.ts';
import { corpusPlan } from './CorpusPlan.ts';
import { makeCorpus } from './makeCorpus.ts';

const work = await mkdtemp(join(tmpdir(), 'fleetback-corpus-'));
afterAll(() => rm(work, { recursive: true, force: true }));

async function digest(dir: string): Promise<string> {
  const hash = createHash('sha256');
  const entries = (await readdir(dir, { recursive: true, withFileTypes: true })).filter((entry) => entry.isFile());
  const paths = entries.map((entry) => join(entry.parentPath, entry.name)).sort();
  for (const path of paths) hash.update(path.slice(dir.length)).update(await readFile(path));
  return hash.digest('hex');
}

describe('the data-mover benchmark corpus', () => {
  const plan = corpusPlan(1 / 2048);

  it('is the same bytes for the same seed and different for another, before and after the page changes', async () => {
    const [a, b, c] = ['a', 'b', 'c'].map((name) => join(work, name)) as [string, string, string];
    const made = await makeCorpus(a, plan, 'seed-1');
    await makeCorpus(b, plan, 'seed-1');
    await makeCorpus(c, plan, 'seed-2');
    expect(await digest(a)).toBe(await digest(b));
    expect(await digest(a)).not.toBe(await digest(c));
    expect(made.files).toBe(3 + plan.smallFiles);

    const before = await readFile(join(a, 'db.pages'));
    expect(await changePages(a, plan, 'seed-1', 0.01)).toBe(Math.round(plan.dbPages * 0.01));
    await changePages(b, plan, 'seed-1', 0.01);
    expect(await digest(a)).toBe(await digest(b));
    const after = await readFile(join(a, 'db.pages'));
    let changed = 0;
    for (let page = 0; page < plan.dbPages; page++) {
      const at = page * plan.pageBytes;
      if (!before.subarray(at, at + plan.pageBytes).equals(after.subarray(at, at + plan.pageBytes))) changed++;
    }
    expect(changed).toBe(Math.round(plan.dbPages * 0.01));
  });
});
