import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { holeBlockSize, readFileData } from './readFileData.ts';

let work: string;
beforeEach(async () => {
  work = await mkdtemp(join(tmpdir(), 'mover-read-'));
});
afterEach(async () => {
  vi.restoreAllMocks();
  await rm(work, { recursive: true, force: true });
});

async function read(path: string, sizeHint: number) {
  const { data, layout } = readFileData(Buffer.from(path), sizeHint);
  const pieces: Buffer[] = [];
  for await (const piece of data) pieces.push(Buffer.from(piece));
  return { data: Buffer.concat(pieces), layout };
}

describe('readFileData', () => {
  it('records aligned zero blocks as holes and yields the other bytes in order', async () => {
    const head = randomBytes(holeBlockSize + 10);
    const tail = randomBytes(100);
    const content = Buffer.concat([head, Buffer.alloc(3 * holeBlockSize - 10), tail]);
    await writeFile(join(work, 'f'), content);
    const { data, layout } = await read(join(work, 'f'), content.length);
    expect(layout).toEqual({ size: content.length, holes: [{ offset: 2 * holeBlockSize, length: 2 * holeBlockSize }] });
    const expected = Buffer.concat([content.subarray(0, 2 * holeBlockSize), content.subarray(4 * holeBlockSize)]);
    expect(data.equals(expected)).toBe(true);
  });

  it('reads a file that grew since its size was taken to its end', async () => {
    const content = randomBytes(3 * 1024 * 1024 + 5);
    await writeFile(join(work, 'f'), content);
    const { data, layout } = await read(join(work, 'f'), 100);
    expect(layout.size).toBe(content.length);
    expect(data.equals(content)).toBe(true);
  });

  it('sizes reads of a small file to the file, not to 1 MiB (a tree of small files churned gigabytes)', async () => {
    await writeFile(join(work, 'small'), 'ninety-four bytes or so\n'.repeat(4));
    const allocations = vi.spyOn(Buffer, 'allocUnsafeSlow');
    await read(join(work, 'small'), 96);
    expect(Math.max(...allocations.mock.calls.map(([size]) => size))).toBeLessThanOrEqual(97);
  });
});
