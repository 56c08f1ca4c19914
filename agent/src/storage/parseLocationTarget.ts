import type { LocationKind, LocationTarget } from '#schema/agent/LocationTarget';
import { SpecError } from '#schema/contracts/SpecError';
import { SpecReader } from '#schema/contracts/SpecReader';
import { JobFailure } from '../jobs/JobFailure.ts';
import { storageProviders } from './providers/storageProviders.ts';

const isKnownKind = (kind: unknown): kind is LocationKind => typeof kind === 'string' && Object.hasOwn(storageProviders, kind);

/**
 * Reads a location as a job payload (or a mover's location file) carries it, `field` naming it in messages:
 * its kind picks the provider, whose parser checks the settings. A kind this agent has no provider for, or
 * settings it cannot read, throw `JobFailure` saying that the agent may be older than the hub.
 */
export function parseLocationTarget(value: unknown, field: string): LocationTarget {
  const kind = typeof value === 'object' && value !== null && 'kind' in value ? value.kind : undefined;
  if (!isKnownKind(kind)) {
    throw new JobFailure(`this agent does not know locations of kind '${String(kind)}'; upgrade the agent`);
  }
  try {
    return storageProviders[kind].parseTarget(SpecReader.of(value, field));
  } catch (error) {
    if (!(error instanceof SpecError)) throw error;
    throw new JobFailure(
      `the ${kind} location is not one this agent can use (${error.message}); the hub and agent versions may not match`,
      { cause: error },
    );
  }
}
