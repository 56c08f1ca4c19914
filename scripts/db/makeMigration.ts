import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Dialect } from '../../hub/src/server/createOrm.ts';
import { dialects, generatorOrm, migrationFolder, snapshotName, writeMigrationIndex } from './migrationFolder.ts';

/**
 * Writes, for each dialect, a migration from the difference between the entities and the dialect's snapshot,
 * then moves the snapshot on and lists the migration in the folder's `index.ts`. Returns the files written
 * (none when the entities match the snapshots). `folderOf` lets tests write into a copy.
 */
export async function makeMigration(
  root: string,
  name?: string,
  folderOf: (dialect: Dialect) => string = (dialect) => migrationFolder(root, dialect),
): Promise<string[]> {
  const written: string[] = [];
  for (const dialect of dialects) {
    const folder = folderOf(dialect);
    // Without a snapshot the migrator would connect to a database to diff against; we never want that.
    if (!existsSync(join(folder, `${snapshotName}.json`))) {
      throw new Error(`${folder} has no ${snapshotName}.json; run \`npm run db:initial-migration\` first`);
    }
    const orm = generatorOrm(root, dialect, folder);
    try {
      const result = await orm.migrator.create(folder, false, false, name);
      if (result.fileName) {
        writeMigrationIndex(folder, dialect);
        written.push(join(folder, result.fileName));
      }
    } finally {
      await orm.close();
    }
  }
  return written;
}
