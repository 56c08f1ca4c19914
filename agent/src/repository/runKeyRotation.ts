import type { JobPayloadOf } from '#schema/agent/JobPayload';
import { JobFailure } from '../jobs/JobFailure.ts';
import type { JobContext } from '../jobs/JobRunner.ts';
import { explainStorageError } from '../storage/explainStorageError.ts';
import type { ObjectStore } from '../storage/ObjectStore.ts';
import { NoRepositoryError } from './NoRepositoryError.ts';
import { openRepository } from './openRepository.ts';
import { RepositoryError } from './RepositoryError.ts';
import { rewrapRepositoryKey } from './rewrapRepositoryKey.ts';
import { WrongKeyError } from './WrongKeyError.ts';

/**
 * A `rotateRepositoryKey` job: rewraps the master key of the location's repository from the key the hub
 * holds to the new one, rewriting no data. Succeeds when the hub may keep the new key: the rewrap finished,
 * an earlier delivery of the job already did it (the repository opens with the new key and not the old), or
 * the location has no repository yet. Fails, so the hub keeps the old key, whenever the old key may still be
 * needed. The keys never appear in a message.
 */
export async function runKeyRotation(
  payload: JobPayloadOf<'rotateRepositoryKey'>,
  store: ObjectStore,
  context: JobContext,
): Promise<undefined> {
  const oldKek = Buffer.from(payload.location.repositoryKey, 'base64');
  const newKek = Buffer.from(payload.newRepositoryKey, 'base64');
  context.progress({ done: 0, total: 1, bytes: 0, message: "rewrapping the repository's master key" });
  try {
    await rewrapRepositoryKey(store, oldKek, newKek);
    context.progress({ done: 1, total: 1, bytes: 0, message: 'the repository opens with the new key' });
  } catch (error) {
    if (error instanceof NoRepositoryError) {
      context.progress({ done: 1, total: 1, bytes: 0, message: 'no repository in the location yet: nothing to rewrap' });
      return undefined;
    }
    if (!(await alreadyRotated(store, oldKek, newKek))) throw failureOf(error, payload.location.kind, store);
    context.progress({ done: 1, total: 1, bytes: 0, message: 'the repository already opens with the new key only' });
  }
  return undefined;
}

/** Whether a rewrap to `newKek` already finished: the new key opens the repository and the old one no longer does. */
async function alreadyRotated(store: ObjectStore, oldKek: Buffer, newKek: Buffer): Promise<boolean> {
  if (!(await opens(store, newKek))) return false;
  return !(await opens(store, oldKek));
}

async function opens(store: ObjectStore, kek: Buffer): Promise<boolean> {
  try {
    await openRepository(store, kek);
    return true;
  } catch (error) {
    if (error instanceof WrongKeyError) return false;
    throw error;
  }
}

function failureOf(error: unknown, kind: JobPayloadOf<'rotateRepositoryKey'>['location']['kind'], store: ObjectStore): JobFailure {
  if (error instanceof WrongKeyError) {
    return new JobFailure(
      "the repository in the location does not open with the key the hub holds for it: it was initialised with another key, or its key files under repository/keys/ were altered; nothing was changed and the hub keeps its key",
      { cause: error },
    );
  }
  if (error instanceof RepositoryError) return new JobFailure(`the key was not rotated: ${error.message}`, { cause: error });
  return explainStorageError(error, { kind, where: store.describe() }, 'write');
}
