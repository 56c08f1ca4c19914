import type { LocationKind, LocationTarget } from '#schema/agent/LocationTarget';
import type { AgentStorageProvider } from './AgentStorageProvider.ts';
import type { ObjectStore } from './ObjectStore.ts';
import type { ObjectStoreOptions } from './ObjectStoreOptions.ts';
import { storageProviders } from './providers/storageProviders.ts';

/**
 * The `ObjectStore` of a backup location. Opening sends no request: a wrong credential or a missing bucket
 * shows on the first operation (`probeLocation` checks them up front). Throws `JobFailure` only when the
 * target cannot work at all, such as an Azure location without a usable credential.
 */
export function openObjectStore<K extends LocationKind>(
  target: LocationTarget<K>,
  options: ObjectStoreOptions = {},
): ObjectStore {
  const provider: AgentStorageProvider<K> = storageProviders[target.kind];
  return provider.open(target, options);
}
