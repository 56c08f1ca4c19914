import type { LocationTarget } from '#schema/agent/JobPayload';
import { RepositoryError } from '../../repository/RepositoryError.ts';
import { ChecksumMismatchError } from '../../storage/ChecksumMismatchError.ts';
import { explainStorageError } from '../../storage/explainStorageError.ts';
import { ObjectNotFoundError } from '../../storage/ObjectNotFoundError.ts';
import type { ObjectStore } from '../../storage/ObjectStore.ts';
import type { StorageAction } from '../../storage/StorageAction.ts';
import { LocationError } from './LocationError.ts';

const actions: Record<string, StorageAction> = { put: 'write', get: 'read', getRange: 'read', head: 'read', list: 'list', delete: 'delete' };

/**
 * The store with every failed request other than a missing object or a checksum mismatch turned into a
 * `LocationError` that says what to check (`explainStorageError`'s diagnosis, by the location's provider), so the
 * mover can tell "the location is unreachable or refuses us" from "the repository's data is bad".
 */
export function guardStore(store: ObjectStore, target: LocationTarget): ObjectStore {
  const translate = (error: unknown, action: StorageAction): unknown => {
    if (error instanceof ObjectNotFoundError || error instanceof ChecksumMismatchError || error instanceof RepositoryError) return error;
    if (error instanceof TypeError || error instanceof RangeError) return error;
    const message = explainStorageError(error, { kind: target.kind, where: store.describe() }, action).message;
    return new LocationError(message, { cause: error });
  };
  return new Proxy(store, {
    get(object, property, receiver) {
      const value: unknown = Reflect.get(object, property, receiver);
      if (typeof value !== 'function' || typeof property !== 'string' || !(property in actions)) {
        return typeof value === 'function' ? value.bind(object) : value;
      }
      const action = actions[property] as StorageAction;
      const method = value as (...args: unknown[]) => unknown;
      if (property === 'list') {
        return (...args: unknown[]) => guardIteration(method.apply(object, args) as AsyncIterable<string>, (error) => translate(error, action));
      }
      return async (...args: unknown[]) => {
        try {
          return await method.apply(object, args);
        } catch (error) {
          throw translate(error, action);
        }
      };
    },
  });
}

async function* guardIteration(keys: AsyncIterable<string>, translate: (error: unknown) => unknown): AsyncGenerator<string> {
  try {
    yield* keys;
  } catch (error) {
    throw translate(error);
  }
}
