import type { LocationKind, LocationTarget } from '#schema/agent/LocationTarget';
import { checkRepositoryKeyText } from '#schema/agent/repositoryKeyText';
import type { SpecReader } from '#schema/contracts/SpecReader';
import { WireError } from '#schema/contracts/WireError';
import { storageProviders } from './providers/storageProviders.ts';

const isKnownKind = (kind: string): kind is LocationKind => Object.hasOwn(storageProviders, kind);

/**
 * Reads a location as a job payload carries it (the agent's `LocationReader` for `parseJobPayload`): its
 * kind picks the provider, whose parser checks the settings. Throws a `WireError` naming the first bad field,
 * `kind` for a kind this agent has no provider for (a newer hub sent it). The repository key, when the job
 * carries one, must be base64 of 32 bytes; a problem with it never quotes it.
 */
export function parseLocationTarget(location: SpecReader): LocationTarget {
  const kind = location.stringOrEmpty('kind');
  if (!isKnownKind(kind)) {
    const known = Object.keys(storageProviders).join(', ');
    throw new WireError(location.field('kind'), `'${kind}' is not a kind of location this agent has a provider for (${known})`);
  }
  const target = storageProviders[kind].parseTarget(location);
  const repositoryKey = location.optionalString('repositoryKey', checkRepositoryKeyText);
  return repositoryKey === null ? target : { ...target, repositoryKey };
}
