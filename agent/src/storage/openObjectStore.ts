import type { LocationTarget } from '#schema/agent/JobPayload';
import { unreachable } from '#schema/contracts/unreachable';
import { AzureBlobStore } from './AzureBlobStore.ts';
import { FilesystemStore } from './FilesystemStore.ts';
import { GcsStore } from './GcsStore.ts';
import type { ObjectStore } from './ObjectStore.ts';
import type { ObjectStoreOptions } from './ObjectStoreOptions.ts';
import { S3Store } from './S3Store.ts';

/**
 * The `ObjectStore` of a backup location. Opening sends no request: a wrong credential or a missing bucket
 * shows on the first operation (`probeLocation` checks them up front). Throws `JobFailure` only when the
 * target cannot work at all, such as an Azure location without a usable credential.
 */
export function openObjectStore(target: LocationTarget, options: ObjectStoreOptions = {}): ObjectStore {
  switch (target.kind) {
    case 's3':
      return new S3Store(target, options);
    case 'azure':
      return new AzureBlobStore(target, options);
    case 'gcs':
      return new GcsStore(target, options);
    case 'filesystem':
      return new FilesystemStore(target);
    default:
      return unreachable(target);
  }
}
