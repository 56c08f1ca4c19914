import { createHash } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { IndexEntry } from '../backup/IndexEntry.ts';
import { tarEntry, tarTrailer } from '../backup/tarEntry.ts';
import { JobFailure } from '../jobs/JobFailure.ts';
import type { ObjectStore } from '../storage/ObjectStore.ts';
import { openObjectStore } from '../storage/openObjectStore.ts';
import { readBackup } from './readBackup.ts';

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const longName = `${'n'.repeat(120)}.example`;

/** Two items as the backup writes them; the second's path needs a pax header. */
function items(): { entry: IndexEntry; bytes: Buffer }[] {
  const objects = [
    { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'settings', namespace: 'shop' }, data: { a: 'b' } },
    { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: longName, namespace: 'shop' } },
  ];
  return objects.map((object) => {
    const bytes = Buffer.from(`${JSON.stringify(object, null, 2)}\n`);
    const path = `resources/core/v1/configmaps/shop/${object.metadata.name}.json`;
    const entry: IndexEntry = {
      path, group: '', version: 'v1', kind: 'ConfigMap', resource: 'configmaps', namespace: 'shop',
      name: object.metadata.name, labels: {}, size: bytes.length, sha256: sha(bytes),
    };
    return { entry, bytes };
  });
}

/** Writes backup `b1` whose archive holds `archived` (by default the items unchanged). */
async function writeBackup(store: ObjectStore, tweak: (tar: Buffer) => Buffer = (t) => t, withManifest = true) {
  const list = items();
  const tar = Buffer.concat([...list.flatMap((i) => tarEntry(i.entry.path, i.bytes, new Date(0))), tarTrailer]);
  const archive = gzipSync(tweak(tar));
  const index = Buffer.from(list.map((i) => `${JSON.stringify(i.entry)}\n`).join(''));
  const log = Buffer.alloc(0);
  await store.put('backups/b1/resources.tar.gz', archive);
  await store.put('backups/b1/index.jsonl', index);
  await store.put('backups/b1/log.jsonl', log);
  if (!withManifest) return;
  const object = (key: string, b: Buffer) => ({ key, size: b.length, sha256: sha(b) });
  const manifest = {
    formatVersion: 1, backupId: 'b1', backupName: 'b', clusterId: 'a', spec: {}, startedAt: '', completedAt: '',
    phase: 'Completed', countsByKind: { configmaps: 2 }, itemCount: 2, bytes: 0, warningCount: 0, errorCount: 0,
    archive: object('resources.tar.gz', archive), index: object('index.jsonl', index), log: object('log.jsonl', log),
  };
  await store.put('backups/b1/backup.json', Buffer.from(JSON.stringify(manifest)));
}

describe('readBackup', () => {
  let dir: string;
  let store: ObjectStore;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'read-backup-'));
    store = openObjectStore({ kind: 'filesystem', path: dir, prefix: 'loc' });
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('reads every item with its index entry, pax paths included', async () => {
    await writeBackup(store);
    const { manifest, items: read } = await readBackup(store, 'b1');
    expect(manifest.itemCount).toBe(2);
    expect(read.map((i) => i.object.metadata.name)).toEqual(['settings', longName]);
    expect(read[0]?.object).toMatchObject({ data: { a: 'b' } });
  });

  it('refuses a directory without backup.json', async () => {
    await writeBackup(store, undefined, false);
    await expect(readBackup(store, 'b1')).rejects.toThrow(/backups\/b1\/ .* is not a committed backup/);
  });

  it('names the item whose bytes differ from its index entry', async () => {
    // A byte of the first item's content (after its 512-byte header) changed, the archive digests then agreeing.
    await writeBackup(store, (tar) => {
      const copy = Buffer.from(tar);
      copy[512 + 10] = 0x41;
      return copy;
    });
    const read = readBackup(store, 'b1');
    await expect(read).rejects.toThrow(JobFailure);
    await expect(read).rejects.toThrow("item 'resources/core/v1/configmaps/shop/settings.json' in backups/b1/resources.tar.gz is damaged");
  });

  it('fails a truncated archive, naming the item it lost', async () => {
    await writeBackup(store, (tar) => tar.subarray(0, 3 * 512));
    await expect(readBackup(store, 'b1')).rejects.toThrow(/resources\.tar\.gz is damaged|missing from/);
  });
});
