import type { LocationKind } from '#schema/agent/LocationTarget';
import { JobFailure } from '../jobs/JobFailure.ts';
import { storageProviders } from './providers/storageProviders.ts';
import type { StorageAction } from './StorageAction.ts';

/** The location an error happened at: its kind and its `ObjectStore.describe()`. */
export interface StorageErrorLocation {
  kind: LocationKind;
  where: string;
}

/**
 * Turns an error met while doing `action` at a location into a `JobFailure` whose message names the
 * location, what went wrong and what to check, in the words of the location's provider (a refused
 * credential, a missing bucket, a missing permission, an unreachable endpoint, a volume not mounted…).
 * A `JobFailure` passes through unchanged.
 */
export function explainStorageError(error: unknown, location: StorageErrorLocation, action: StorageAction): JobFailure {
  if (error instanceof JobFailure) return error;
  return storageProviders[location.kind].explainError(error, location.where, action);
}
