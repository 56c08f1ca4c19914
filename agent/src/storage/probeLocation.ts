import { randomBytes } from 'node:crypto';
import type { LocationKind, LocationTarget } from '#schema/agent/LocationTarget';
import { JobFailure } from '../jobs/JobFailure.ts';
import type { AgentStorageProvider } from './AgentStorageProvider.ts';
import { explainStorageError } from './explainStorageError.ts';
import type { ObjectStore } from './ObjectStore.ts';
import { openObjectStore } from './openObjectStore.ts';
import { storageProviders } from './providers/storageProviders.ts';
import type { StorageAction } from './StorageAction.ts';

/** How long a probe waits; the defaults suit real use, tests shorten them. */
export interface ProbeLimits {
  /** Bound of each request; probe objects are 4 KiB, so anything slower is a dead or blocked endpoint. */
  requestTimeoutMs?: number;
  /**
   * Bound of each step (write, read, list, delete) with its retries. A safety net for SDKs whose own timeout
   * does not take: the GCS client's JSON requests ignore theirs.
   */
  stepTimeoutMs?: number;
}

/**
 * Checks from inside the agent that a location works for backups: writes a small probe object named
 * `probeName` under the location's prefix, reads it back (checksum verified), finds it in a listing and
 * deletes it, so a location that passes has every permission a backup needs. Each request is retried once
 * and bounded in time, so a dead endpoint fails in seconds. Throws `JobFailure` saying what is wrong and
 * what to check, naming the location; the probe object is left behind only when deleting it is what failed.
 * A provider with a probe of its own (a filesystem location) is checked by that instead.
 */
export async function probeLocation<K extends LocationKind>(
  target: LocationTarget<K>,
  probeName: string,
  limits: ProbeLimits = {},
): Promise<void> {
  const provider: AgentStorageProvider<K> = storageProviders[target.kind];
  if (provider.probe) return provider.probe(target, probeName);
  const { requestTimeoutMs = 10_000, stepTimeoutMs = 30_000 } = limits;
  const store = openObjectStore(target, { maxAttempts: 2, requestTimeoutMs });
  const location = { kind: target.kind, where: store.describe() };
  const step = async <T>(action: StorageAction, work: () => Promise<T>): Promise<T> => {
    try {
      return await withDeadline(work(), stepTimeoutMs);
    } catch (error) {
      throw explainStorageError(error, location, action);
    }
  };
  const content = randomBytes(4096);
  await step('write', () => store.put(probeName, content));
  try {
    const readBack = await step('read', () => readAll(store, probeName));
    if (!readBack.equals(content)) {
      throw new JobFailure(`the probe object read back from ${location.where} differs from what was written`);
    }
    const listed = await step('list', async () => {
      for await (const key of store.list(probeName)) if (key === probeName) return true;
      return false;
    });
    if (!listed) {
      throw new JobFailure(
        `the probe object written to ${location.where} does not show when listing it: the store does not list ` +
          'what it holds, so backups written there could not be found again',
      );
    }
  } catch (error) {
    await withDeadline(store.delete(probeName), stepTimeoutMs).catch(() => undefined);
    throw error;
  }
  await step('delete', () => store.delete(probeName));
}

async function readAll(store: ObjectStore, key: string): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of await store.get(key)) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** `work`, or a `TimeoutError` after `ms`; the abandoned request ends on its own, its outcome ignored. */
async function withDeadline<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      const error = new Error(`no answer within ${ms} ms`);
      error.name = 'TimeoutError';
      reject(error);
    }, ms);
  });
  try {
    return await Promise.race([work, deadline]);
  } finally {
    clearTimeout(timer);
    work.catch(() => undefined);
  }
}
