import { open } from 'node:fs/promises';
import { join } from 'node:path';
import type { CorpusPlan } from './CorpusPlan.ts';
import { databasePage } from './makeCorpus.ts';
import { SeededStream } from './SeededStream.ts';
import { TextSource } from './TextSource.ts';

/**
 * Rewrites `fraction` of the database file's pages in place, at pages spread over the file as a database's
 * updates are (new rows and a new log sequence number), and returns how many pages changed.
 */
export async function changePages(dir: string, plan: CorpusPlan, seed: string, fraction: number): Promise<number> {
  const count = Math.round(plan.dbPages * fraction);
  const picks = new SeededStream(seed, 'changed-pages');
  const pages = new Set<number>();
  while (pages.size < count) pages.add(picks.uint32() % plan.dbPages);
  const text = new TextSource(seed, 'changed-rows');
  const fill = new SeededStream(seed, 'changed-fill');
  const file = await open(join(dir, 'db.pages'), 'r+');
  try {
    for (const page of [...pages].sort((a, b) => a - b)) {
      await file.write(databasePage(page, 2, text, fill, plan.pageBytes), 0, plan.pageBytes, page * plan.pageBytes);
    }
  } finally {
    await file.close();
  }
  return count;
}
