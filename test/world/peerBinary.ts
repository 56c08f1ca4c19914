import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Where scripts/world/build.sh puts the peers; FLEETBACK_WORLD_CACHE overrides it, as for the script. */
export const worldCache = process.env.FLEETBACK_WORLD_CACHE ?? join(repoRoot, '.cache', 'world');

/** The command that builds a missing peer, named in skip and failure messages. */
export const buildCommand = 'npm run world:build';

/** The path of a peer binary built by scripts/world/build.sh, or `undefined` when it has not been built. */
export function peerBinary(name: string): string | undefined {
  const path = join(worldCache, 'bin', name);
  return existsSync(path) ? path : undefined;
}

/** A Node.js package's executable from node_modules/.bin (Azurite and friends are dev dependencies). */
export function npmBinary(name: string): string | undefined {
  const path = join(repoRoot, 'node_modules', '.bin', name);
  return existsSync(path) ? path : undefined;
}
