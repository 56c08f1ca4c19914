import type { ObjectStore } from '../storage/ObjectStore.ts';
import type { ChunkIndex } from './ChunkIndex.ts';
import { loadIndex } from './loadIndex.ts';
import type { PackEntry } from './packHeader.ts';
import { readPackHeader } from './readPackHeader.ts';
import type { CheckOptions, CheckProblem, CheckReport, Repository } from './Repository.ts';
import type { RepositoryConfig } from './RepositoryConfig.ts';
import { RepositoryError } from './RepositoryError.ts';
import type { RepositoryKeys } from './RepositoryKeys.ts';
import { objectIdOf, repositoryLayout } from './repositoryLayout.ts';
import { verifyPackData } from './verifyPackData.ts';

/** What `check` reads through: the location, the keys and settings, and the repository's snapshot reader. */
export interface CheckContext {
  readonly store: ObjectStore;
  readonly keys: RepositoryKeys;
  readonly config: RepositoryConfig;
  readonly readSnapshot: Repository['readSnapshot'];
}

type Problem = { -readonly [K in keyof CheckProblem]: CheckProblem[K] };

/**
 * The stored index (loaded afresh, not this process's view) against every pack's header, then, with
 * `readData`, every chunk's content; then every snapshot. See `Repository.check`.
 */
export async function checkRepository(context: CheckContext, options: CheckOptions = {}): Promise<CheckReport> {
  const { store, keys, config } = context;
  const index = await loadIndex(store, keys);
  const problems: Problem[] = [];
  /** The hex ids of the chunks each damaged or missing pack held, to name the snapshots that need them. */
  const lost = new Map<Problem, Set<string>>();
  const packs = new Set<string>();
  let matched = 0;
  let misplaced = 0;
  let unindexedChunks = 0;
  /** Index entries in packs whose header does not open or that are gone: reported per pack. */
  let indexedInLostPacks = 0;
  for await (const key of store.list(repositoryLayout.packs)) {
    const pack = objectIdOf(key, repositoryLayout.packs);
    if (pack === undefined || key !== repositoryLayout.pack(pack)) continue;
    packs.add(pack);
    let entries: readonly PackEntry[];
    try {
      entries = (await readPackHeader(store, keys, pack)).entries;
    } catch (error) {
      if (!(error instanceof RepositoryError)) throw error;
      const problem: Problem = { kind: 'damaged-pack', key, reason: error.message };
      problems.push(problem);
      const ids = chunksIndexedIn(index, pack);
      lost.set(problem, ids);
      indexedInLostPacks += ids.size;
      continue;
    }
    for (const entry of entries) {
      const location = index.locate(entry.id);
      // A copy the index does not point to: left by a writer killed before it indexed, or stored twice by
      // writers racing; dead weight for prune, not damage.
      if (location?.pack !== pack) {
        unindexedChunks++;
      } else {
        const { offset, length, plainLength } = location;
        if (offset === entry.offset && length === entry.length && plainLength === entry.plainLength) {
          matched++;
        } else {
          misplaced++;
          const reason = `the index places chunk ${entry.id.toString('hex')} elsewhere in the pack than its header does`;
          problems.push({ kind: 'index-mismatch', key, reason });
        }
      }
    }
    const damage = options.readData ? await verifyPackData(store, keys, key, entries, config.chunkSizes.max) : undefined;
    if (damage !== undefined) {
      const problem: Problem = { kind: 'damaged-pack', key, reason: damage };
      problems.push(problem);
      lost.set(problem, new Set(entries.map((entry) => entry.id.toString('hex'))));
    }
  }
  for (const [pack, ids] of chunksInMissingPacks(index, packs)) {
    const problem: Problem = { kind: 'missing-pack', key: repositoryLayout.pack(pack), reason: `${ids.size} indexed chunks were in it` };
    problems.push(problem);
    lost.set(problem, ids);
    indexedInLostPacks += ids.size;
  }
  const unlisted = index.count - matched - misplaced - indexedInLostPacks;
  if (unlisted > 0) {
    const reason = `${unlisted} indexed chunks are not in the header of the pack the index names`;
    problems.push({ kind: 'index-mismatch', key: repositoryLayout.indexes, reason });
  }
  const snapshots = await checkSnapshots(context, options, problems, lost);
  return { packs: packs.size, chunks: matched, snapshots, unindexedChunks, problems };
}

/** Reads every snapshot (a failure is a problem) and names, on each lost pack's problem, those that need it. */
async function checkSnapshots(
  context: CheckContext,
  options: CheckOptions,
  problems: Problem[],
  lost: ReadonlyMap<Problem, Set<string>>,
): Promise<number> {
  let count = 0;
  for await (const key of context.store.list(repositoryLayout.snapshots)) {
    const id = objectIdOf(key, repositoryLayout.snapshots);
    if (id === undefined) continue;
    count++;
    let manifest: Buffer;
    try {
      manifest = (await context.readSnapshot(id)).manifest;
    } catch (error) {
      if (!(error instanceof RepositoryError)) throw error;
      problems.push({ kind: 'damaged-snapshot', key, reason: error.message });
      continue;
    }
    if (!options.chunksOf || lost.size === 0) continue;
    const needed = new Set<Problem>();
    for (const chunk of options.chunksOf(manifest)) {
      const hex = chunk.toString('hex');
      for (const [problem, ids] of lost) if (ids.has(hex)) needed.add(problem);
    }
    for (const problem of needed) problem.snapshots = [...(problem.snapshots ?? []), id];
  }
  return count;
}

function chunksIndexedIn(index: ChunkIndex, pack: string): Set<string> {
  const ids = new Set<string>();
  for (const { id, location } of index.entries()) if (location.pack === pack) ids.add(id.toString('hex'));
  return ids;
}

function chunksInMissingPacks(index: ChunkIndex, packs: ReadonlySet<string>): Map<string, Set<string>> {
  const missing = new Map<string, Set<string>>();
  for (const { id, location } of index.entries()) {
    if (packs.has(location.pack)) continue;
    const ids = missing.get(location.pack) ?? new Set<string>();
    ids.add(id.toString('hex'));
    missing.set(location.pack, ids);
  }
  return missing;
}
