import { posix } from 'node:path';
import { BadUserInputError } from '../errors/errors.ts';

/** Checks a directory as the agent sees it: absolute, normalized, not the root. */
export function validateFilesystemPath(field: string, value: string): string {
  const path = value.trim().replace(/(.)\/+$/, '$1');
  if (!path.startsWith('/')) throw new BadUserInputError(field, 'must be an absolute path');
  if (path.length > 1024) throw new BadUserInputError(field, 'must be at most 1024 characters');
  if (/\p{Cc}/u.test(path)) throw new BadUserInputError(field, 'must not contain control characters');
  if (path.split('/').some((s) => s === '.' || s === '..') || posix.normalize(path) !== path) {
    throw new BadUserInputError(field, 'must be normalized: no `.`, `..` or `//`');
  }
  if (path === '/') throw new BadUserInputError(field, 'must not be the root directory');
  return path;
}
