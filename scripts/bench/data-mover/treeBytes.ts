import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';

/** The bytes of every regular file under `dir` (a restored tree, or a filesystem location's repository). */
export async function treeBytes(dir: string): Promise<number> {
  let total = 0;
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) total += (await stat(join(entry.parentPath, entry.name))).size;
  }
  return total;
}
