import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { JobFailure } from '../../../jobs/JobFailure.ts';

/** Turns a file-system error into what an operator should check. */
function explain(error: unknown, path: string): JobFailure {
  const code = (error as NodeJS.ErrnoException).code;
  switch (code) {
    case 'ENOENT':
      return new JobFailure(`${path} does not exist in the agent's file system; mount the volume there`);
    case 'EACCES':
    case 'EPERM':
      return new JobFailure(`the agent may not write to ${path}; fix the volume's permissions or the agent's user`);
    case 'EROFS':
      return new JobFailure(`${path} is mounted read-only; mount it read-write`);
    case 'ENOSPC':
      return new JobFailure(`${path} is full`);
    case 'ENOTDIR':
      return new JobFailure(`${path} is not a directory`);
    default:
      return new JobFailure(`could not use ${path}: ${(error as Error).message}`);
  }
}

/**
 * Checks a filesystem location from inside the agent: the base path must exist (a mounted volume is not
 * created by us), then a probe file is written under the prefix, read back, compared and deleted.
 */
export async function probeFilesystemLocation(base: string, prefix: string, probeName: string): Promise<void> {
  try {
    const info = await stat(base);
    if (!info.isDirectory()) throw Object.assign(new Error('not a directory'), { code: 'ENOTDIR' });
  } catch (error) {
    throw explain(error, base);
  }
  const directory = join(base, prefix);
  const file = join(directory, probeName);
  const content = randomBytes(4096);
  try {
    await mkdir(directory, { recursive: true });
    await writeFile(file, content, { flag: 'wx' });
    const readBack = await readFile(file);
    const digest = (b: Buffer) => createHash('sha256').update(b).digest('hex');
    if (digest(readBack) !== digest(content)) {
      throw new JobFailure(`the probe file read back from ${directory} differs from what was written`);
    }
  } catch (error) {
    throw error instanceof JobFailure ? error : explain(error, directory);
  } finally {
    await rm(file, { force: true });
  }
}
