import type { LocationKind, LocationTarget } from '#schema/agent/LocationTarget';
import type { SpecReader } from '#schema/contracts/SpecReader';
import type { JobFailure } from '../jobs/JobFailure.ts';
import type { ObjectStore } from './ObjectStore.ts';
import type { ObjectStoreOptions } from './ObjectStoreOptions.ts';
import type { StorageAction } from './StorageAction.ts';

/**
 * Everything the agent knows of one kind of location, kept in the provider's folder
 * (`providers/<kind>/`) and registered once in `providers/storageProviders.ts`.
 */
export interface AgentStorageProvider<K extends LocationKind> {
  /**
   * Reads this kind's settings from a job payload's location, whose `kind` is already checked; throws a
   * `WireError` naming the first field that is missing or of the wrong type.
   */
  parseTarget(location: SpecReader): LocationTarget<K>;

  /**
   * The location as an `ObjectStore`. Sends no request; throws `JobFailure` only when the target cannot work
   * at all (a credential that cannot be used).
   */
  open(target: LocationTarget<K>, options: ObjectStoreOptions): ObjectStore;

  /**
   * Turns an error met while doing `action` at `where` (the store's `describe()`) into a `JobFailure` saying
   * what went wrong and what the operator should check, in this provider's words.
   */
  explainError(error: unknown, where: string, action: StorageAction): JobFailure;

  /**
   * Checks from inside the agent that the location works for backups, when this provider needs another check
   * than the object-store probe of `probeLocation` (a directory must exist, not be created).
   */
  probe?(target: LocationTarget<K>, probeName: string): Promise<void>;
}
