import { comparePaths } from './manifest/comparePaths.ts';
import type { ManifestEntry } from './manifest/ManifestEntry.ts';

/**
 * Looks paths up in a parent snapshot's manifest while a backup walks in the same order: a merge of two sorted
 * streams, so the parent's entries are read once and only the current one is held.
 */
export class ParentCursor {
  private current: ManifestEntry | undefined;
  private done = false;

  constructor(private readonly entries: AsyncIterator<ManifestEntry>) {}

  /** The parent's entry at `path`, if any. Paths must be asked in walk order. */
  async find(path: Buffer): Promise<ManifestEntry | undefined> {
    while (!this.done && (this.current === undefined || comparePaths(this.current.path, path) < 0)) {
      const next = await this.entries.next();
      if (next.done) {
        this.done = true;
        this.current = undefined;
      } else {
        this.current = next.value;
      }
    }
    return this.current && comparePaths(this.current.path, path) === 0 ? this.current : undefined;
  }
}
