import { qualifiedResourceName } from '../kube/ApiResourceType.ts';
import type { ObjectStore } from '../storage/ObjectStore.ts';
import { Sha256Meter } from '../storage/Sha256Meter.ts';
import { archivePathOf } from './archivePathOf.ts';
import type { CollectionResult } from './CollectionResult.ts';
import { type IndexEntry, indexEntryOf } from './IndexEntry.ts';
import type { CollectedItem } from './ItemCollector.ts';
import { putHashed, type WrittenObject } from './putHashed.ts';
import { tarEntry, tarTrailer } from './tarEntry.ts';

/** What the archive stage wrote: the archive object, and the index entry of every item in it, in order. */
export interface ArchiveSummary extends WrittenObject {
  entries: IndexEntry[];
}

export interface ArchiveWriterOptions {
  /** The modification time of every file in the archive: the backup's start, so it depends on nothing else. */
  mtime: Date;
  /** Checked before each item: once aborted, the archive stops with the signal's reason and is not stored. */
  signal: AbortSignal;
  /** Where items that cannot be archived are recorded, as the collection's own problems are. */
  result: CollectionResult;
  /** Called after each archived item with the item count and the compressed bytes stored so far. */
  onItem?: (items: number, bytes: number) => void;
}

/**
 * The archive stage of a backup (format v1, `schema/format/README.md`): streams items into a ustar archive,
 * gzips it and writes it to `key` as it goes, through one pipeline with backpressure, so the collector is
 * read only as fast as the store takes bytes and memory never holds the archive. Each item is one file of
 * pretty-printed JSON (two-space indent, trailing newline) at `archivePathOf(item)`.
 *
 * The index entries are kept in memory until the commit stage writes them: a few hundred bytes per item, so
 * some tens of MB for a hundred thousand objects, which is where a cluster's API server itself strains.
 */
export class ArchiveWriter {
  constructor(
    private readonly store: ObjectStore,
    private readonly key: string,
    private readonly options: ArchiveWriterOptions,
  ) {}

  /**
   * Archives every item `items` yields and resolves once the archive is stored. Rejects with the abort reason
   * when cancelled, with whatever `items` throws, or with `BackupStorageError` when the store fails; in every
   * case the archive object was not committed by this call.
   */
  async write(items: AsyncIterable<CollectedItem>): Promise<ArchiveSummary> {
    const entries: IndexEntry[] = [];
    const meter = new Sha256Meter();
    const written = await putHashed(this.store, this.key, this.tarChunks(items, entries, meter), { gzip: true, meter });
    return { ...written, entries };
  }

  private async *tarChunks(items: AsyncIterable<CollectedItem>, entries: IndexEntry[], meter: Sha256Meter) {
    const { mtime, signal, result, onItem } = this.options;
    // One path per item is what lets a reader extract the archive and trust the index: a second object of the
    // same type and name (a collector bug) would silently replace the first on extraction. Like the entries,
    // the set grows with the item count.
    const paths = new Set<string>();
    for await (const item of items) {
      signal.throwIfAborted();
      const where = {
        resource: qualifiedResourceName({ group: item.group, plural: item.resource }),
        namespace: item.namespace,
        name: item.name,
      };
      const problem = unarchivable(item);
      if (problem) {
        result.fail({ ...where, message: problem });
        continue;
      }
      const path = archivePathOf(item);
      if (paths.has(path)) {
        result.warn({ ...where, message: 'collected twice; archived once' });
        continue;
      }
      paths.add(path);
      const bytes = Buffer.from(`${JSON.stringify(item.object, null, 2)}\n`);
      entries.push(indexEntryOf(item, path, bytes));
      yield* tarEntry(path, bytes, mtime);
      onItem?.(entries.length, meter.bytes);
    }
    // A cancellation during the last item must not let the archive complete.
    signal.throwIfAborted();
    yield tarTrailer;
  }
}

/**
 * Why an item cannot get a safe path of its own, if it cannot. The API server never serves such names; an
 * aggregated API server might, and its object must not land outside its directory when extracted.
 */
function unarchivable(item: CollectedItem): string | undefined {
  for (const [what, value] of [
    ['group', item.group || 'core'],
    ['name', item.name],
    ['namespace', item.namespace],
    ['version', item.version],
    ['resource', item.resource],
  ] as const) {
    if (value === undefined && what === 'namespace') continue;
    if (!value || value === '.' || value === '..' || /[/\p{Cc}]/u.test(value)) {
      return `not archived: its ${what} '${value ?? ''}' cannot be a path segment`;
    }
  }
  return undefined;
}
