import { createHash } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { IndexEntry } from '../backup/IndexEntry.ts';
import { JobFailure } from '../jobs/JobFailure.ts';
import type { ObjectStore } from '../storage/ObjectStore.ts';
import { openObjectStore } from '../storage/openObjectStore.ts';
import { readBackupIndex } from './readBackupIndex.ts';

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const entry = (name: string): IndexEntry => ({
  path: `resources/core/v1/configmaps/shop/${name}.json`, group: '', version: 'v1', kind: 'ConfigMap',
  resource: 'configmaps', namespace: 'shop', name, labels: { app: 'shop' }, size: 10, sha256: 'a'.repeat(64),
});

/** Writes backup `b1` with `index` as its index.jsonl (backup.json recording `recorded`, by default the same bytes). */
async function writeBackup(store: ObjectStore, index: string, recorded = index) {
  const object = (key: string, b: Buffer) => ({ key, size: b.length, sha256: sha(b) });
  await store.put('backups/b1/index.jsonl', Buffer.from(index));
  const manifest = {
    formatVersion: 1, backupId: 'b1', backupName: 'b', clusterId: 'a', spec: {}, startedAt: '', completedAt: '',
    phase: 'Completed', countsByKind: { configmaps: 2 }, itemCount: 2, bytes: 0, warningCount: 0, errorCount: 0,
    archive: object('resources.tar.gz', Buffer.alloc(0)), index: object('index.jsonl', Buffer.from(recorded)),
    log: object('log.jsonl', Buffer.alloc(0)),
  };
  await store.put('backups/b1/backup.json', Buffer.from(JSON.stringify(manifest)));
}

const lines = (...values: unknown[]) => values.map((v) => `${JSON.stringify(v)}\n`).join('');

describe('readBackupIndex', () => {
  let dir: string;
  let store: ObjectStore;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'read-index-'));
    store = openObjectStore({ kind: 'filesystem', path: dir, prefix: 'loc' });
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('reads the manifest and every entry in index order, without the archive', async () => {
    await writeBackup(store, lines(entry('b'), entry('a')));
    const index = await readBackupIndex(store, 'b1');
    expect(index.manifest.itemCount).toBe(2);
    expect(index.keys.archive).toBe('backups/b1/resources.tar.gz');
    expect(index.entries).toEqual([entry('b'), entry('a')]);
  });

  it('refuses a directory without backup.json', async () => {
    await store.put('backups/b1/index.jsonl', Buffer.from(lines(entry('a'))));
    await expect(readBackupIndex(store, 'b1')).rejects.toThrow(/backups\/b1\/ .* is not a committed backup/);
  });

  it('refuses an index that differs from what backup.json records', async () => {
    await writeBackup(store, lines(entry('a'), entry('b')), lines(entry('a')));
    const read = readBackupIndex(store, 'b1');
    await expect(read).rejects.toThrow(JobFailure);
    await expect(read).rejects.toThrow(/^backups\/b1\/index\.jsonl is damaged: \d+ bytes, but backup.json records \d+$/);
  });

  it('names the line that is not a whole index entry, or lists a path twice', async () => {
    await writeBackup(store, lines(entry('a'), { ...entry('b'), size: '10' }));
    await expect(readBackupIndex(store, 'b1')).rejects.toThrow('backups/b1/index.jsonl line 2 is not an index entry');
    await writeBackup(store, lines(entry('a'), { ...entry('b'), labels: { app: 1 } }));
    await expect(readBackupIndex(store, 'b1')).rejects.toThrow('line 2 is not an index entry');
    await writeBackup(store, `${lines(entry('a'))}{"path":\n`);
    await expect(readBackupIndex(store, 'b1')).rejects.toThrow('line 2 is not JSON');
    await writeBackup(store, lines(entry('a'), entry('b'), entry('a')));
    await expect(readBackupIndex(store, 'b1')).rejects.toThrow(
      "backups/b1/index.jsonl line 3 lists 'resources/core/v1/configmaps/shop/a.json' a second time",
    );
  });

  it('names the field an index line lacks or holds wrongly, with the line and the object', async () => {
    const { kind: _kind, ...withoutKind } = entry('b');
    await writeBackup(store, lines(entry('a'), withoutKind));
    await expect(readBackupIndex(store, 'b1')).rejects.toThrow(
      'backups/b1/index.jsonl line 2 is not an index entry: kind: must be a string',
    );
    await writeBackup(store, lines({ ...entry('a'), labels: { app: 1 } }));
    await expect(readBackupIndex(store, 'b1')).rejects.toThrow('line 1 is not an index entry: labels.app: must be a string');
  });
});
