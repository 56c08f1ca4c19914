import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { JobFailure } from '../jobs/JobFailure.ts';
import type { ObjectStore } from '../storage/ObjectStore.ts';
import { openObjectStore } from '../storage/openObjectStore.ts';
import { backupKeys } from './backupKeys.ts';
import { readCommittedOutcome } from './readCommittedOutcome.ts';

const keys = backupKeys('b1');
const indexLine = {
  path: 'resources/apps/v1/deployments/shop/web.json', group: 'apps', version: 'v1', kind: 'Deployment',
  resource: 'deployments', namespace: 'shop', name: 'web', labels: {}, size: 10, sha256: 'a'.repeat(64),
};

/** Commits backup `b1` with `index` as its index.jsonl; the digests in backup.json are not what is checked here. */
async function commit(store: ObjectStore, index: unknown[]) {
  const written = (key: string) => ({ key, size: 0, sha256: 'b'.repeat(64) });
  await store.put(keys.index, Buffer.from(index.map((line) => `${JSON.stringify(line)}\n`).join('')));
  await store.put(keys.log, Buffer.alloc(0));
  const manifest = {
    formatVersion: 1, backupId: 'b1', backupName: 'b', clusterId: 'c', spec: {}, startedAt: '', completedAt: '',
    phase: 'Completed', countsByKind: { 'deployments.apps': 1 }, itemCount: 1, bytes: 0, warningCount: 0,
    errorCount: 0, archive: written('resources.tar.gz'), index: written('index.jsonl'), log: written('log.jsonl'),
  };
  await store.put(keys.manifest, Buffer.from(JSON.stringify(manifest)));
}

describe('readCommittedOutcome', () => {
  let dir: string;
  let store: ObjectStore;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'committed-'));
    store = openObjectStore({ kind: 'filesystem', path: dir, prefix: 'loc' });
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('reports the committed backup, the kinds of its types read from the index', async () => {
    await commit(store, [indexLine]);
    const outcome = await readCommittedOutcome(store, keys);
    expect(outcome).toMatchObject({ phase: 'Completed', itemCount: 1, kinds: { 'deployments.apps': 'Deployment' } });
  });

  it('fails naming the index line and field when a line lacks a field, instead of a TypeError', async () => {
    const { resource: _resource, ...withoutResource } = indexLine;
    await commit(store, [withoutResource]);
    const read = readCommittedOutcome(store, keys);
    await expect(read).rejects.toThrow(JobFailure);
    await expect(read).rejects.toThrow('index.jsonl line 1 is not an index entry: resource: must be a string');
  });

  it('fails naming the index line that is not an object', async () => {
    await commit(store, [indexLine, null]);
    await expect(readCommittedOutcome(store, keys)).rejects.toThrow('index.jsonl line 2 is not an index entry: must be an object');
  });
});
