import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmod, chown, lchown, link, lutimes, mkdir, open, symlink, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

export interface TrickyTreeOptions {
  /** Size of the sparse file, which holds 1 MiB of data in its middle and at its end. */
  sparseBytes: number;
}

const b = (text: string) => Buffer.from(text, 'utf8');

/**
 * Builds under `root` a tree that tests what a file-level backup must keep: empty files, a sparse file,
 * symlinks (one dangling), hard links, unicode and non-UTF-8 names, a path of over 4,000 bytes, odd modes
 * (set-uid, sticky, no permissions), owners other than root and a FIFO. Every mtime is set, to whole or half
 * seconds, so a restore can be compared exactly. Returns the paths of its regular files (relative).
 */
export async function makeTrickyTree(root: string, options: TrickyTreeOptions): Promise<string[]> {
  await mkdir(join(root, 'docs', 'empty-dir'), { recursive: true });
  await writeFile(join(root, 'docs', 'empty'), '');
  await writeFile(join(root, 'docs', 'text.txt'), 'hello\n'.repeat(50_000));
  await writeFile(join(root, 'docs', 'random.bin'), randomBytes(3 * 1024 * 1024 + 17));
  const sparse = await open(join(root, 'sparse.img'), 'w');
  await sparse.truncate(options.sparseBytes);
  await sparse.write(randomBytes(1 << 20), 0, 1 << 20, Math.floor(options.sparseBytes / 2));
  await sparse.write(randomBytes(1000), 0, 1000, options.sparseBytes - 1000);
  await sparse.close();
  await symlink('docs/text.txt', join(root, 'link-to-text'));
  await symlink('/nowhere/at/all', join(root, 'dangling'));
  await link(join(root, 'docs', 'text.txt'), join(root, 'hard-1'));
  await link(join(root, 'docs', 'text.txt'), join(root, 'zz-hard-2'));
  await mkdir(Buffer.concat([b(root), b('/'), b('日本語 ✓ café')]));
  await writeFile(Buffer.concat([b(root), b('/日本語 ✓ café/ñ.txt')]), 'unicode\n');
  await writeFile(Buffer.concat([b(root), b('/'), Buffer.from([0x6c, 0xe9, 0xff])]), 'latin1 name\n');
  let deep = join(root, 'deep');
  await mkdir(deep);
  let depthBytes = 'deep'.length;
  for (let i = 0; depthBytes < 3900; i++) {
    deep = join(deep, `${String(i).padStart(2, '0')}-${'x'.repeat(240)}`);
    depthBytes += 1 + 243;
    await mkdir(deep);
  }
  const longName = 'y'.repeat(4000 - depthBytes - 1);
  await writeFile(join(deep, longName), 'at the bottom\n');
  await mkdir(join(root, 'modes'));
  await writeFile(join(root, 'modes', 'setuid'), '#!/bin/sh\n');
  await chown(join(root, 'modes', 'setuid'), 1234, 5678);
  await chmod(join(root, 'modes', 'setuid'), 0o4750);
  await writeFile(join(root, 'modes', 'none'), 'no permissions\n');
  await chmod(join(root, 'modes', 'none'), 0o000);
  await mkdir(join(root, 'modes', 'sticky'));
  await chmod(join(root, 'modes', 'sticky'), 0o1777);
  await chown(join(root, 'modes', 'sticky'), 4321, 8765);
  await lchown(join(root, 'dangling'), 1111, 2222);
  execFileSync('mkfifo', [join(root, 'fifo')]);
  await setTimes(root);
  return ['docs/empty', 'docs/text.txt', 'docs/random.bin', 'sparse.img', 'hard-1', 'zz-hard-2', '日本語 ✓ café/ñ.txt'];
}

/** Sets every mtime, deepest first, to distinct half seconds. */
async function setTimes(root: string): Promise<void> {
  const { readdir, lstat } = await import('node:fs/promises');
  let n = 0;
  async function visit(absolute: Buffer): Promise<void> {
    const stat = await lstat(absolute);
    if (stat.isDirectory()) {
      for (const name of await readdir(absolute, { encoding: 'buffer' })) await visit(Buffer.concat([absolute, b('/'), name]));
    }
    const time = 1_600_000_000 + n++ * 1.5;
    if (stat.isSymbolicLink()) await lutimes(absolute, time, time);
    else await utimes(absolute, time, time);
  }
  await visit(b(root));
}
