import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { JobFailure } from '../jobs/JobFailure.ts';

/** Spool directories are named `fleetback-restore-<pid>-<random>`, so a leftover one names its dead owner. */
export const spoolPrefix = 'fleetback-restore-';

/**
 * A restore's private scratch directory: the verified items the plan needs, written as the archive streams
 * past and read back one at a time as they are applied, so memory never holds more than one item.
 *
 * The directory is fresh (`mkdtemp`, mode 0700) under the work directory, and its files are 0600: they
 * hold the backup's objects, Secrets included, in clear. Files are named by arrival order, not by archive
 * path, so no path from the archive ever becomes a path on this disk. `remove` deletes it all.
 */
export class ItemSpool {
  readonly #files = new Map<string, string>();
  #written = 0;

  private constructor(readonly directory: string) {}

  /** A new spool directory under `workDirectory`; `JobFailure` when it cannot be made there. */
  static async create(workDirectory: string): Promise<ItemSpool> {
    try {
      return new ItemSpool(await mkdtemp(join(workDirectory, `${spoolPrefix}${process.pid}-`)));
    } catch (error) {
      const why = messageOf(error);
      throw new JobFailure(`cannot create the restore's spool directory under ${workDirectory}: ${why}`, { cause: error });
    }
  }

  /**
   * Keeps the bytes of the item at archive path `path` (a later write for the same path replaces them);
   * `JobFailure` when the disk refuses them (full, say).
   */
  async write(path: string, bytes: Buffer): Promise<void> {
    const file = join(this.directory, `${this.#written++}.json`);
    try {
      await writeFile(file, bytes, { flag: 'wx', mode: 0o600 });
    } catch (error) {
      const where = `the restore's spool directory ${this.directory}`;
      throw new JobFailure(`cannot write item '${path}' to ${where}: ${messageOf(error)}`, { cause: error });
    }
    this.#files.set(path, file);
  }

  /** The bytes kept for archive path `path`; rejects when it was never written or cannot be read. */
  async read(path: string): Promise<Buffer> {
    const file = this.#files.get(path);
    if (file === undefined) throw new Error(`'${path}' was not spooled`);
    return readFile(file);
  }

  /** Deletes the directory and everything in it; harmless when it is gone already. */
  async remove(): Promise<void> {
    this.#files.clear();
    await rm(this.directory, { recursive: true, force: true });
  }
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));
