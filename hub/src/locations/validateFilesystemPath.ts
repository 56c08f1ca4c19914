import { posix } from 'node:path';
import { BadUserInputError } from '../errors/errors.ts';

/**
 * System directories of the agent's container or node: never a backup location, whatever the roots. A
 * location there would let a tenant admin have the agent read or overwrite its own secrets and settings
 * (`/var/run/secrets` holds its ServiceAccount token).
 */
export const forbiddenFilesystemPaths: readonly string[] = ['/etc', '/proc', '/sys', '/dev', '/boot', '/run', '/var/run'];

const isUnder = (path: string, directory: string) => path === directory || path.startsWith(`${directory}/`);

/**
 * Checks a directory as the agent sees it: absolute, normalized, not the root, not in a system directory,
 * and, when `roots` are configured (`FLEETBACK_FILESYSTEM_LOCATION_ROOTS`), under one of them.
 */
export function validateFilesystemPath(field: string, value: string, roots: readonly string[] = []): string {
  const path = value.trim().replace(/(.)\/+$/, '$1');
  if (!path.startsWith('/')) throw new BadUserInputError(field, 'must be an absolute path');
  if (path.length > 1024) throw new BadUserInputError(field, 'must be at most 1024 characters');
  if (/\p{Cc}/u.test(path)) throw new BadUserInputError(field, 'must not contain control characters');
  if (path.split('/').some((s) => s === '.' || s === '..') || posix.normalize(path) !== path) {
    throw new BadUserInputError(field, 'must be normalized: no `.`, `..` or `//`');
  }
  if (path === '/') throw new BadUserInputError(field, 'must not be the root directory');
  const forbidden = forbiddenFilesystemPaths.find((directory) => isUnder(path, directory));
  if (forbidden) throw new BadUserInputError(field, `must not lie in the system directory ${forbidden}`);
  if (roots.length > 0 && !roots.some((root) => isUnder(path, root))) {
    throw new BadUserInputError(field, `must lie under one of the hub's filesystem location roots: ${roots.join(', ')}`);
  }
  return path;
}
