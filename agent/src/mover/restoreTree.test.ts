import { randomBytes } from 'node:crypto';
import { link, lstat, mkdir, mkdtemp, readFile, readdir, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MemoryRepository } from './testing/MemoryRepository.ts';
import { backupTree } from './backupTree.ts';
import { restoreTree } from './restoreTree.ts';

let work: string;
let source: string;
let target: string;
beforeEach(async () => {
  work = await mkdtemp(join(tmpdir(), 'mover-restore-'));
  source = join(work, 'source');
  target = join(work, 'target');
  await mkdir(join(source, 'a', 'b'), { recursive: true });
  await mkdir(join(source, 'c'));
});
afterEach(async () => {
  await rm(work, { recursive: true, force: true });
});

describe('restoreTree', () => {
  it('reports a file whose content is damaged with its path, removes it, and restores the others', async () => {
    const damaged = randomBytes(100_000);
    await writeFile(join(source, 'a', 'damaged.bin'), damaged);
    await writeFile(join(source, 'a', 'b', 'fine.txt'), 'fine');
    await writeFile(join(source, 'c', 'also-fine.txt'), 'also fine');
    const repository = new MemoryRepository();
    const { snapshot } = await backupTree(repository, source);
    repository.damage(damaged);
    const result = await restoreTree(repository, snapshot.id, target);
    expect(result.failures.map((f) => [f.path.toString(), f.reason])).toEqual([['a/damaged.bin', expect.stringMatching(/is corrupt: its pack failed/)]]);
    expect(result.files).toBe(2);
    expect(await readFile(join(target, 'a', 'b', 'fine.txt'), 'utf8')).toBe('fine');
    expect(await readFile(join(target, 'c', 'also-fine.txt'), 'utf8')).toBe('also fine');
    await expect(lstat(join(target, 'a', 'damaged.bin'))).rejects.toThrow(/ENOENT/);
  });

  it('restores only the chosen paths and the directories above them, and says which chosen path is missing', async () => {
    await writeFile(join(source, 'a', 'b', 'x.txt'), 'x');
    await writeFile(join(source, 'a', 'y.txt'), 'y');
    await writeFile(join(source, 'c', 'z.txt'), 'z');
    const repository = new MemoryRepository();
    const { snapshot } = await backupTree(repository, source);
    const result = await restoreTree(repository, snapshot.id, target, { paths: ['a/b', 'c/z.txt', 'no/such'] });
    expect(await readdir(target)).toEqual(['a', 'c']);
    expect(await readdir(join(target, 'a'))).toEqual(['b']);
    expect(await readFile(join(target, 'a', 'b', 'x.txt'), 'utf8')).toBe('x');
    expect(await readFile(join(target, 'c', 'z.txt'), 'utf8')).toBe('z');
    expect(result.failures.map((f) => [f.path.toString(), f.reason])).toEqual([['no/such', 'the snapshot holds no such path']]);
  });

  it('gives a chosen hard link its content when the path it was linked to is not chosen', async () => {
    await writeFile(join(source, 'a', 'first.txt'), 'shared');
    await link(join(source, 'a', 'first.txt'), join(source, 'c', 'second.txt'));
    await link(join(source, 'a', 'first.txt'), join(source, 'c', 'third.txt'));
    const repository = new MemoryRepository();
    const { snapshot } = await backupTree(repository, source);
    const result = await restoreTree(repository, snapshot.id, target, { paths: ['c'] });
    expect(result.failures).toEqual([]);
    expect(await readdir(target)).toEqual(['c']);
    expect(await readFile(join(target, 'c', 'second.txt'), 'utf8')).toBe('shared');
    const [second, third] = await Promise.all([lstat(join(target, 'c', 'second.txt')), lstat(join(target, 'c', 'third.txt'))]);
    expect(third.ino).toBe(second.ino);
  });

  it('replaces a symlink in the target instead of writing through it', async () => {
    await writeFile(join(source, 'a', 'b', 'file.txt'), 'restored');
    const repository = new MemoryRepository();
    const { snapshot } = await backupTree(repository, source);
    const outside = join(work, 'outside');
    await mkdir(outside);
    await mkdir(join(target, 'a'), { recursive: true });
    await symlink(outside, join(target, 'a', 'b'));
    await writeFile(join(outside, 'file.txt'), 'untouched');
    const result = await restoreTree(repository, snapshot.id, target);
    expect(result.failures).toEqual([]);
    expect((await lstat(join(target, 'a', 'b'))).isDirectory()).toBe(true);
    expect(await readFile(join(target, 'a', 'b', 'file.txt'), 'utf8')).toBe('restored');
    expect(await readFile(join(outside, 'file.txt'), 'utf8')).toBe('untouched');
  });

  it('overwrites files in place, clearing bytes where the snapshot has holes', async () => {
    const data = Buffer.concat([Buffer.alloc(128 * 1024), Buffer.from('tail')]);
    await writeFile(join(source, 'a', 'holey.bin'), data);
    const repository = new MemoryRepository();
    const { snapshot } = await backupTree(repository, source);
    await mkdir(join(target, 'a'), { recursive: true });
    await writeFile(join(target, 'a', 'holey.bin'), randomBytes(300 * 1024));
    await restoreTree(repository, snapshot.id, target);
    expect((await readFile(join(target, 'a', 'holey.bin'))).equals(data)).toBe(true);
  });
});
