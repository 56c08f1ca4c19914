import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { JobFailure } from '../jobs/JobFailure.ts';
import type { ObjectStore } from './ObjectStore.ts';
import { openObjectStore } from './openObjectStore.ts';
import { StallWatch } from './StallWatch.ts';
import { StoreStalledError } from './StoreStalledError.ts';
import { watchObjectStore } from './watchObjectStore.ts';

let directory: string;
let store: ObjectStore;
let warnings: (string | undefined)[];
let watch: StallWatch;

beforeEach(async () => {
  directory = await mkdtemp(join(tmpdir(), 'fleetback-watch-'));
  store = openObjectStore({ kind: 'filesystem', path: directory, prefix: 'p' });
  warnings = [];
  watch = new StallWatch({ warnAfterMs: 40, failAfterMs: 200, where: 'the test store', onWarning: (w) => warnings.push(w) });
});

afterEach(async () => {
  watch.close();
  await rm(directory, { recursive: true, force: true });
});

async function drain(stream: Readable, delayMs = 0): Promise<string> {
  let text = '';
  for await (const chunk of stream) {
    text += (chunk as Buffer).toString();
    if (delayMs) await new Promise((r) => setTimeout(r, delayMs));
  }
  return text;
}

/** A store whose every call hangs, as a frozen one does; a download sends its first bytes, then nothing. */
function frozen(): ObjectStore {
  const never = () => new Promise<never>(() => undefined);
  return {
    put: never,
    get: () => {
      const stream = new PassThrough();
      stream.write('first');
      return Promise.resolve(stream);
    },
    getRange: never,
    head: never,
    list: () => ({ [Symbol.asyncIterator]: () => ({ next: never }) }),
    delete: never,
    describe: () => 'the test store',
  };
}

describe('watchObjectStore', () => {
  it('passes a working store through, however slowly a download is consumed, and never warns', async () => {
    // Limits a local disk's fsync stays well within.
    watch.close();
    watch = new StallWatch({ warnAfterMs: 300, failAfterMs: 1_000, where: 'the test store', onWarning: (w) => warnings.push(w) });
    const watched = watchObjectStore(store, watch);
    await watched.put('a', Readable.from([Buffer.from('hello '), Buffer.from('world')]));
    await watched.put('b', Buffer.from('two'));
    expect(await watched.head('a')).toEqual({ size: 11 });
    // The consumer takes 400 ms a chunk, longer than the warning's 300 ms: that is not the store being silent.
    expect(await drain(await watched.get('a'), 400)).toBe('hello world');
    const keys: string[] = [];
    for await (const key of watched.list('')) keys.push(key);
    expect(keys).toEqual(['a', 'b']);
    await watched.delete('a');
    expect(await watched.head('a')).toBeUndefined();
    expect(warnings).toEqual([]);
  });

  it('warns while a frozen store is silent, then fails every waiting and later call naming the location', async () => {
    const watched = watchObjectStore(frozen(), watch);
    const body = new PassThrough();
    // Bytes the frozen store never takes.
    body.write('data');
    const put = watched.put('a', body).catch((e: unknown) => e);
    const head = watched.head('a').catch((e: unknown) => e);
    const listing = (async () => {
      for await (const key of watched.list('')) return key;
      return undefined;
    })().catch((e: unknown) => e);
    const download = drain(await watched.get('a')).catch((e: unknown) => e);
    const failures = await Promise.all([put, head, listing, download]);
    expect(warnings[0]).toBe('the location the test store has not answered for 0 s');
    for (const failure of failures) {
      expect(failure).toBeInstanceOf(StoreStalledError);
      expect(failure).toBeInstanceOf(JobFailure);
      expect((failure as Error).message).toMatch(
        /^the location the test store has not answered for 0 s \(the agent's limit is 0 s, FLEETBACK_STORE_STALL_TIMEOUT_SECONDS\): it accepts connections but stopped answering; check the store's health/,
      );
    }
    expect(body.destroyed).toBe(true);
    await expect(watched.delete('a')).rejects.toBeInstanceOf(StoreStalledError);
  });

  it('takes an upload whose body is slow to come from its producer for no stall', async () => {
    const slow = new StallWatch({ warnAfterMs: 100, failAfterMs: 300, where: 'the test store', onWarning: (w) => warnings.push(w) });
    try {
      const watched = watchObjectStore(store, slow);
      async function* producer() {
        for (const part of ['a', 'b', 'c']) {
          // Longer than the timeout between chunks: the producer, not the store, is slow.
          await new Promise((r) => setTimeout(r, 350));
          yield Buffer.from(part);
        }
      }
      await watched.put('slow', Readable.from(producer()));
      expect(await drain(await watched.get('slow'))).toBe('abc');
      expect(warnings).toEqual([]);
    } finally {
      slow.close();
    }
  });

  it('clears the warning once the store answers again', async () => {
    const slow = new StallWatch({ warnAfterMs: 30, failAfterMs: 10_000, where: 'the test store', onWarning: (w) => warnings.push(w) });
    try {
      const answer = new Promise<undefined>((resolve) => setTimeout(() => resolve(undefined), 150));
      await slow.wait(() => answer);
      expect(warnings).toEqual(['the location the test store has not answered for 0 s', undefined]);
    } finally {
      slow.close();
    }
  });
});
