import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tarEntry, tarTrailer } from './tarEntry.ts';

const run = promisify(execFile);

/** `count` path segments of `width` letters each, joined by `/`: long paths with names a filesystem accepts. */
function deepPath(count: number, width: number, file: string): string {
  return [...Array.from({ length: count }, (_, i) => String.fromCharCode(97 + (i % 26)).repeat(width)), file].join('/');
}

// Each case stresses one way a path is stored: plain ustar name, ustar prefix + name, or a pax header, including
// pax records at a digit boundary of their self-counting length (98 + 2 = 100 fits; 997 + 3 = 1000 needs a
// fourth digit, so the record is 1001 bytes).
const files: [string, string][] = [
  ['resources/core/v1/configmaps/shop/settings.json', '{"a":1}\n'],
  [`resources/example.com/v1/widgets/${'n'.repeat(60)}/${'w'.repeat(90)}.json`, 'split into prefix and name\n'],
  [deepPath(6, 50, 'x.json'), 'longer than ustar can hold: pax\n'],
  [`é${'a'.repeat(89)}`, 'non-ASCII: pax, record of exactly 100 bytes\n'],
  [deepPath(19, 50, 'y'.repeat(21)), 'pax record of 1001 bytes\n'],
  ['resources/core/v1/secrets/_cluster/empty.json', ''],
  ['resources/core/v1/configmaps/shop/block.json', 'x'.repeat(512)],
];

describe('tarEntry', () => {
  let dir: string;
  let archive: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'tar-entry-'));
    archive = join(dir, 'test.tar');
    const mtime = new Date('2025-03-04T05:06:07Z');
    const chunks = files.flatMap(([path, text]) => tarEntry(path, Buffer.from(text), mtime));
    await writeFile(archive, Buffer.concat([...chunks, tarTrailer]));
  });

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('writes whole 512-byte blocks', async () => {
    expect((await readFile(archive)).length % 512).toBe(0);
  });

  it('is listed by GNU tar with exactly the paths written, in order, with size and mtime', async () => {
    const { stdout } = await run('/usr/bin/tar', ['-tf', archive], { encoding: 'utf8' });
    expect(stdout.split('\n').filter(Boolean)).toEqual(files.map(([path]) => path));
    const verbose = await run('/usr/bin/tar', ['--utc', '--numeric-owner', '-tvf', archive], { encoding: 'utf8' });
    const first = verbose.stdout.split('\n')[0] ?? '';
    expect(first).toMatch(/^-rw-r--r-- 0\/0 +8 2025-03-04 05:06 resources\/core\/v1\/configmaps\/shop\/settings\.json$/);
  });

  it('is extracted by GNU tar with every content intact', async () => {
    const out = join(dir, 'out');
    await mkdir(out);
    // Any complaint (a bad checksum, an unknown header type) would show in stderr.
    const { stderr } = await run('/usr/bin/tar', ['-xf', archive, '-C', out], { encoding: 'utf8' });
    expect(stderr).toBe('');
    for (const [path, text] of files) expect(await readFile(join(out, path), 'utf8')).toBe(text);
  });

  it('refuses content larger than ustar can describe, before allocating anything', () => {
    const huge = { length: 8 ** 11 } as Buffer;
    expect(() => tarEntry('big', huge, new Date())).toThrow(RangeError);
  });
});
