import { mkdir, open, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { CorpusPlan } from './CorpusPlan.ts';
import { SeededStream } from './SeededStream.ts';
import { TextSource } from './TextSource.ts';

const MiB = 1024 ** 2;

/** Writes the corpus for `plan` under `dir`; the same seed and plan always give the same bytes. */
export async function makeCorpus(dir: string, plan: CorpusPlan, seed: string): Promise<{ bytes: number; files: number }> {
  await mkdir(dir, { recursive: true });
  const text = new TextSource(seed, 'text');
  await writeStreamed(join(dir, 'text.log'), plan.textBytes, (n) => text.bytes(n));
  const random = new SeededStream(seed, 'random');
  await writeStreamed(join(dir, 'random.bin'), plan.randomBytes, (n) => random.bytes(n));
  await writeDatabase(join(dir, 'db.pages'), plan, seed);
  await writeSmallFiles(join(dir, 'small'), plan, seed);
  return {
    bytes: plan.textBytes + plan.randomBytes + plan.dbPages * plan.pageBytes + smallBytesTotal(plan, seed),
    files: 3 + plan.smallFiles,
  };
}

async function writeStreamed(path: string, total: number, next: (n: number) => Buffer): Promise<void> {
  const file = await open(path, 'w');
  try {
    for (let done = 0; done < total; ) {
      const piece = next(Math.min(4 * MiB, total - done));
      await file.write(piece);
      done += piece.length;
    }
  } finally {
    await file.close();
  }
}

/**
 * One page as a database keeps it: a header (page number and a log sequence number), rows of text, and the
 * page's free space as zeros, as in PostgreSQL's heap pages.
 */
export function databasePage(page: number, lsn: number, text: TextSource, fill: SeededStream, pageBytes: number): Buffer {
  const out = Buffer.alloc(pageBytes);
  out.writeUInt32LE(page, 0);
  out.writeUInt32LE(lsn, 4);
  const used = fill.between(Math.floor(pageBytes / 2), pageBytes - 24);
  text.bytes(used).copy(out, 24);
  return out;
}

async function writeDatabase(path: string, plan: CorpusPlan, seed: string): Promise<void> {
  const text = new TextSource(seed, 'db-rows');
  const fill = new SeededStream(seed, 'db-fill');
  let page = 0;
  await writeStreamed(path, plan.dbPages * plan.pageBytes, (n) => {
    const pages = Array.from({ length: n / plan.pageBytes }, () => databasePage(page++, 1, text, fill, plan.pageBytes));
    return Buffer.concat(pages);
  });
}

function smallFileSizes(plan: CorpusPlan, seed: string): number[] {
  const sizes = new SeededStream(seed, 'small-sizes');
  return Array.from({ length: plan.smallFiles }, () => sizes.between(256, 16_384));
}

function smallBytesTotal(plan: CorpusPlan, seed: string): number {
  return smallFileSizes(plan, seed).reduce((sum, size) => sum + size, 0);
}

async function writeSmallFiles(dir: string, plan: CorpusPlan, seed: string): Promise<void> {
  const text = new TextSource(seed, 'small');
  const sizes = smallFileSizes(plan, seed);
  for (let start = 0; start < sizes.length; start += plan.filesPerDir) {
    const sub = join(dir, String(start / plan.filesPerDir).padStart(4, '0'));
    await mkdir(sub, { recursive: true });
    const batch = sizes.slice(start, start + plan.filesPerDir).map((size, i) => ({ name: `f${start + i}.txt`, data: text.bytes(size) }));
    await Promise.all(batch.map((file) => writeFile(join(sub, file.name), file.data)));
  }
}
