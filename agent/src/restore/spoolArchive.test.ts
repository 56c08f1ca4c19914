import { PassThrough } from 'node:stream';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Transform } from 'node:stream';
import { gzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { parseRestoreSpec } from '#schema/contracts/RestoreSpec';
import type { IndexEntry } from '../backup/IndexEntry.ts';
import { tarEntry, tarTrailer } from '../backup/tarEntry.ts';
import { JobFailure } from '../jobs/JobFailure.ts';
import type { ObjectStore } from '../storage/ObjectStore.ts';
import { openObjectStore } from '../storage/openObjectStore.ts';
import { StallWatch } from '../storage/StallWatch.ts';
import { watchObjectStore } from '../storage/watchObjectStore.ts';
import { ItemSpool } from './ItemSpool.ts';
import { loadPlannedObject } from './loadPlannedObject.ts';
import { planRestore } from './planRestore.ts';
import { readBackupIndex } from './readBackupIndex.ts';
import type { KubeObject } from './KubeObject.ts';
import { spoolArchive } from './spoolArchive.ts';

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const longName = `${'n'.repeat(120)}.example`;
const archiveKey = 'backups/b1/resources.tar.gz';

/** One archived item: its index entry and its file's bytes, as the backup writes them. */
interface Item {
  entry: IndexEntry;
  bytes: Buffer;
}

function itemOf(object: KubeObject, resource: string): Item {
  const bytes = Buffer.from(`${JSON.stringify(object, null, 2)}\n`);
  const namespace = object.metadata.namespace ?? null;
  const entry: IndexEntry = {
    path: `resources/core/v1/${resource}/${namespace ?? '_cluster'}/${object.metadata.name}.json`,
    group: '', version: 'v1', kind: object.kind, resource, namespace, name: object.metadata.name,
    labels: object.metadata.labels ?? {}, size: bytes.length, sha256: sha(bytes),
  };
  return { entry, bytes };
}

const configMap = (name: string, labels: Record<string, string> = {}) =>
  itemOf({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, namespace: 'shop', labels }, data: { name } }, 'configmaps');

/** Ten ConfigMaps (one with a name that needs a pax header), then their Namespace, as a backup orders them. */
const standardItems = (): Item[] => [
  ...Array.from({ length: 9 }, (_, i) => configMap(`cm-${i}`, i % 2 === 0 ? { app: 'shop' } : {})),
  configMap(longName, { app: 'shop' }),
  itemOf({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'shop', labels: { app: 'shop' } } }, 'namespaces'),
];

interface BackupTweaks {
  /** The items archived (default: the index's). */
  archived?: (items: Item[]) => Item[];
  /** The uncompressed tar, before it is gzipped (the digests then agree with it). */
  tar?: (tar: Buffer) => Buffer;
  /** The compressed archive as stored, after backup.json recorded the one written. */
  stored?: (archive: Buffer) => Buffer;
  /** What backup.json records of the archive. */
  recorded?: (archive: { size: number; sha256: string }) => { size: number; sha256: string };
}

/** Writes committed backup `b1` of `items`, bent by `tweaks`. */
async function writeBackup(store: ObjectStore, items: Item[], tweaks: BackupTweaks = {}) {
  const archived = tweaks.archived?.(items) ?? items;
  const tar = Buffer.concat([...archived.flatMap((i) => tarEntry(i.entry.path, i.bytes, new Date(0))), tarTrailer]);
  const archive = gzipSync(tweaks.tar?.(tar) ?? tar);
  const index = Buffer.from(items.map((i) => `${JSON.stringify(i.entry)}\n`).join(''));
  await store.put(archiveKey, tweaks.stored?.(archive) ?? archive);
  await store.put('backups/b1/index.jsonl', index);
  const object = (key: string, b: Buffer) => ({ key, size: b.length, sha256: sha(b) });
  const recordedArchive = { ...(tweaks.recorded ?? ((r) => r))(object('', archive)), key: 'resources.tar.gz' };
  const manifest = {
    formatVersion: 1, backupId: 'b1', backupName: 'b', clusterId: 'a', spec: {}, startedAt: '', completedAt: '',
    phase: 'Completed', countsByKind: {}, itemCount: items.length, bytes: 0, warningCount: 0, errorCount: 0,
    archive: recordedArchive, index: object('index.jsonl', index), log: object('log.jsonl', Buffer.alloc(0)),
  };
  await store.put('backups/b1/backup.json', Buffer.from(JSON.stringify(manifest)));
}

/** The offset of `item`'s content in the uncompressed tar `items` make (no pax headers before it). */
const contentOffset = (items: Item[], path: string) => {
  let at = 0;
  for (const item of items) {
    const entry = Buffer.concat(tarEntry(item.entry.path, item.bytes, new Date(0)));
    if (item.entry.path === path) return at + entry.length - Math.ceil(item.bytes.length / 512) * 512;
    at += entry.length;
  }
  throw new Error(`${path} is not archived`);
};

const spec = (fields: Record<string, unknown> = {}) =>
  parseRestoreSpec({ version: 1, backupId: 'b1', targetClusterId: 'c', ...fields });

describe('spoolArchive', () => {
  let dir: string;
  let store: ObjectStore;
  let spool: ItemSpool;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'spool-archive-'));
    store = openObjectStore({ kind: 'filesystem', path: dir, prefix: 'loc' });
    spool = await ItemSpool.create(dir);
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  /** Reads backup b1's index, plans it with `fields` and spools it into `spool` (or only verifies it, for a dry run). */
  const run = async (fields: Record<string, unknown> = {}, options: { dryRun?: boolean; onProgress?: (n: number) => void } = {}) => {
    const index = await readBackupIndex(store, 'b1');
    const plan = planRestore(index.entries, spec(fields));
    await spoolArchive(store, index, plan, { spool: options.dryRun ? undefined : spool, onProgress: options.onProgress });
    return { index, plan };
  };

  it('keeps exactly the planned items, byte for byte, and loads each with its namespace mapped', async () => {
    const items = standardItems();
    await writeBackup(store, items);
    const { plan } = await run({ labelSelectors: ['app=shop'], namespaceMapping: { shop: 'copy' } });
    expect(plan.map((p) => p.name)).toEqual(['copy', 'cm-0', 'cm-2', 'cm-4', 'cm-6', 'cm-8', longName]);
    expect(await readdir(spool.directory)).toHaveLength(plan.length);
    for (const item of plan) {
      const original = items.find((i) => i.entry.path === item.entry.path);
      expect(await spool.read(item.entry.path)).toEqual(original?.bytes);
    }
    const [namespace, first] = await Promise.all(plan.slice(0, 2).map((p) => loadPlannedObject(spool, p)));
    expect(namespace?.metadata).toEqual({ name: 'copy', labels: { app: 'shop' } });
    expect(first).toEqual({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cm-0', namespace: 'copy', labels: { app: 'shop' } }, data: { name: 'cm-0' } });
  });

  it('shows the planner each planned object as its file checks out, dry runs too, so auto needs no second read', async () => {
    await writeBackup(store, standardItems());
    const index = await readBackupIndex(store, 'b1');
    const plan = planRestore(index.entries, spec({ labelSelectors: ['app=shop'] }));
    const seen: string[] = [];
    await spoolArchive(store, index, plan, { inspect: (item, object) => seen.push(`${item.name}=${object.metadata.name}`) });
    expect(seen.sort()).toEqual(plan.map((p) => `${p.name}=${p.name}`).sort());
  });

  it('fails naming the archive when the location stops sending it, instead of waiting forever', async () => {
    await writeBackup(store, standardItems());
    const index = await readBackupIndex(store, 'b1');
    const plan = planRestore(index.entries, spec({}));
    const chunks: Buffer[] = [];
    for await (const chunk of await store.get('backups/b1/resources.tar.gz')) chunks.push(chunk as Buffer);
    // The archive's first bytes arrive, then nothing more.
    const stalling: ObjectStore = Object.assign(Object.create(store) as ObjectStore, {
      get: async () => {
        const stream = new PassThrough();
        stream.write(Buffer.concat(chunks).subarray(0, 64));
        return stream;
      },
    });
    const watch = new StallWatch({ warnAfterMs: 20, failAfterMs: 50, where: 'the test store', onWarning: () => undefined });
    const watched = watchObjectStore(stalling, watch);
    const failure = await spoolArchive(watched, index, plan, { spool }).catch((e: unknown) => e);
    watch.close();
    expect(failure).toBeInstanceOf(JobFailure);
    expect((failure as Error).message).toMatch(/^the location the test store has not answered for 0 s/);
  });

  it('verifies the whole archive without keeping anything when given no spool (a dry run), reporting bytes read', async () => {
    await writeBackup(store, standardItems());
    const progress: number[] = [];
    const { index } = await run({}, { dryRun: true, onProgress: (n) => progress.push(n) });
    expect(await readdir(spool.directory)).toEqual([]);
    expect(progress).toHaveLength(index.entries.length);
    expect(progress.at(-1)).toBe(index.manifest.archive.size);
  });

  it('fails an item late in the archive whose bytes differ from its index entry, naming it', async () => {
    const items = standardItems();
    const last = items.at(-1) as Item;
    await writeBackup(store, items, {
      tar: (tar) => {
        const copy = Buffer.from(tar);
        const at = contentOffset(items, last.entry.path) + 5;
        copy[at] = (copy[at] ?? 0) ^ 0x20;
        return copy;
      },
    });
    const attempt = run();
    await expect(attempt).rejects.toThrow(JobFailure);
    await expect(attempt).rejects.toThrow(
      `item '${last.entry.path}' in ${archiveKey} is damaged: its SHA-256 differs from its index entry`,
    );
  });

  it('fails a file of a size its index entry does not record, before reading its content', async () => {
    const items = standardItems();
    await writeBackup(store, items, {
      archived: (list) => list.map((i, n) => (n === 3 ? { ...i, bytes: Buffer.concat([i.bytes, Buffer.from(' ')]) } : i)),
    });
    const size = items[3]?.bytes.length ?? 0;
    await expect(run()).rejects.toThrow(
      `item '${items[3]?.entry.path}' in ${archiveKey} is damaged: ${size + 1} bytes, but its index entry records ${size}`,
    );
  });

  it('fails a file the index does not list, a file archived twice, and an entry the archive lacks', async () => {
    const items = standardItems();
    const extra = configMap('extra');
    await writeBackup(store, items, { archived: (list) => [...list.slice(0, 4), extra, ...list.slice(4)] });
    await expect(run()).rejects.toThrow(`${archiveKey} holds '${extra.entry.path}', which the index does not list`);
    await writeBackup(store, items, { archived: (list) => [...list, list[2] as Item] });
    await expect(run()).rejects.toThrow(`${archiveKey} holds '${items[2]?.entry.path}' twice`);
    await writeBackup(store, items, { archived: (list) => list.filter((_, n) => n !== 6) });
    await expect(run()).rejects.toThrow(`item '${items[6]?.entry.path}' is in the index but missing from ${archiveKey}`);
  });

  it('fails an archive whose size or SHA-256 differs from what backup.json records', async () => {
    await writeBackup(store, standardItems(), { recorded: (r) => ({ ...r, sha256: '0'.repeat(64) }) });
    await expect(run()).rejects.toThrow(`${archiveKey} is damaged: its SHA-256 differs from the one backup.json records`);
    await writeBackup(store, standardItems(), { recorded: (r) => ({ ...r, size: r.size + 1 }) });
    await expect(run()).rejects.toThrow(/resources\.tar\.gz is damaged: (\d+) bytes, but backup.json records \d+$/);
  });

  it('fails a truncated archive: the tar cut short inside it, or the compressed stream cut', async () => {
    await writeBackup(store, standardItems(), { tar: (tar) => tar.subarray(0, 5 * 512 + 100) });
    await expect(run()).rejects.toThrow(`${archiveKey} is damaged: the entry at byte 2048 is cut short`);
    await writeBackup(store, standardItems(), { tar: (tar) => tar.subarray(0, tar.length - 1024) });
    await expect(run()).rejects.toThrow(`${archiveKey} is damaged: the archive ends at byte`);
    // backup.json records the cut archive, so only the gzip stream itself can tell.
    const cut = (archive: Buffer) => archive.subarray(0, archive.length - 30);
    await writeBackup(store, standardItems(), {
      stored: cut,
      recorded: () => {
        const gz = cut(gzipSync(Buffer.concat([...standardItems().flatMap((i) => tarEntry(i.entry.path, i.bytes, new Date(0))), tarTrailer])));
        return { size: gz.length, sha256: sha(gz) };
      },
    });
    await expect(run()).rejects.toThrow(`${archiveKey} is damaged: it does not decompress`);
  });

  it('fails a planned file that holds another object than its index entry describes', async () => {
    const items = standardItems();
    const impostor = itemOf({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'other', namespace: 'shop' } }, 'configmaps');
    items[1] = { ...impostor, entry: { ...impostor.entry, path: items[1]?.entry.path ?? '', name: 'cm-1' } };
    await writeBackup(store, items);
    await expect(run({ labelSelectors: ['app=shop'] })).resolves.toBeDefined();
    await expect(run()).rejects.toThrow(
      `item '${items[1]?.entry.path}' in ${archiveKey} is damaged: its name is "other", but the index records "cm-1"`,
    );
  });

  it('fails a planned file that is not a Kubernetes object, naming the field, instead of a TypeError later', async () => {
    const items = standardItems();
    const bad = itemOf({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cm-0', namespace: 'shop' } }, 'configmaps');
    const bytes = Buffer.from(JSON.stringify({ ...JSON.parse(bad.bytes.toString()), metadata: { name: 'cm-0', namespace: 'shop', labels: { app: 1 } } }));
    items[0] = { bytes, entry: { ...bad.entry, size: bytes.length, sha256: sha(bytes) } };
    await writeBackup(store, items);
    await expect(run()).rejects.toThrow(
      `item '${items[0].entry.path}' in ${archiveKey} is damaged: it is not a Kubernetes object: metadata.labels.app: must be a string`,
    );
  });

  it('fails loading a spooled item changed on the node since it was verified, naming it', async () => {
    const items = standardItems();
    await writeBackup(store, items);
    const { plan } = await run();
    const first = plan[0];
    if (!first) throw new Error('the plan is empty');
    await spool.write(first.entry.path, Buffer.from('[]'));
    const load = loadPlannedObject(spool, first);
    await expect(load).rejects.toThrow(JobFailure);
    await expect(load).rejects.toThrow(
      `item '${first.entry.path}' read back from the restore's spool is damaged: it is not a Kubernetes object: must be an object`,
    );
  });

  it('reads the archive only as fast as the spool takes items: back-pressure holds', async () => {
    const data = () => ({ x: randomBytes(45_000).toString('base64') });
    const items = Array.from({ length: 160 }, (_, i) =>
      itemOf({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: `big-${i}`, namespace: 'shop' }, data: data() }, 'configmaps'),
    );
    await writeBackup(store, items);
    const index = await readBackupIndex(store, 'b1');
    let read = 0;
    const counter = () =>
      new Transform({
        transform(chunk: Buffer, _encoding, callback) {
          read += chunk.length;
          callback(null, chunk);
        },
      });
    const counting = { get: async (key: string) => (await store.get(key)).pipe(counter()) } as unknown as ObjectStore;
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    let writes = 0;
    const slowSpool = { write: async () => void (++writes === 2 && (await held)) };

    const spooled = spoolArchive(counting, index, planRestore(index.entries, spec()), { spool: slowSpool });
    await vi.waitFor(() => expect(writes).toBe(2));
    await new Promise((resolve) => setTimeout(resolve, 300));
    // Stream buffers and one item (60 kB) at most, of an archive of several MB.
    expect(index.manifest.archive.size).toBeGreaterThan(6_000_000);
    expect(read).toBeLessThan(1_000_000);
    release();
    await spooled;
    expect(writes).toBe(160);
    expect(read).toBe(index.manifest.archive.size);
  }, 30_000);

  it('stops with the abort when its signal fires', async () => {
    await writeBackup(store, standardItems());
    const index = await readBackupIndex(store, 'b1');
    const controller = new AbortController();
    const attempt = spoolArchive(store, index, planRestore(index.entries, spec()), {
      spool,
      signal: controller.signal,
      onProgress: () => controller.abort(new JobFailure('cancelled by a user')),
    });
    await expect(attempt).rejects.toThrow();
    expect(controller.signal.aborted).toBe(true);
  });
});
