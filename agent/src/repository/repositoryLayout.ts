import { randomBytes } from 'node:crypto';

/**
 * Where a repository's objects live, relative to the location's prefix. Pack names are spread over 256
 * folders by their first two hex digits, so no listing of one folder grows past a few thousand entries on a
 * filesystem location. Every name below `packs/`, `index/`, `snapshots/` and `keys/` is 32 random hex
 * digits, so writers in different processes never pick the same name.
 */
export const repositoryLayout = {
  root: 'repository/',
  config: 'repository/config',
  keys: 'repository/keys/',
  packs: 'repository/packs/',
  indexes: 'repository/index/',
  snapshots: 'repository/snapshots/',
  keyFile: (id: string) => `repository/keys/${id}`,
  pack: (id: string) => `repository/packs/${id.slice(0, 2)}/${id}`,
  index: (id: string) => `repository/index/${id}`,
  snapshot: (id: string) => `repository/snapshots/${id}`,
} as const;

/** The random part of an object name: 16 bytes as 32 lowercase hex digits. */
export const objectIdPattern = /^[0-9a-f]{32}$/;

/** The id at the end of a listed key, or undefined for a name this format does not make (ignored). */
export function objectIdOf(key: string, prefix: string): string | undefined {
  const id = key.slice(key.lastIndexOf('/') + 1);
  return key.startsWith(prefix) && objectIdPattern.test(id) ? id : undefined;
}

/** A new object id: 16 random bytes as 32 hex digits. */
export function newObjectId(): string {
  return randomBytes(16).toString('hex');
}
