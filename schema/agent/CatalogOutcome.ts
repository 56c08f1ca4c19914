import type { BackupManifest } from '../format/BackupManifest.ts';

/**
 * What an agent reports when it completes a `rebuildCatalog` job: every committed backup found in the
 * location (its `backup.json`), and the `backup.json` files it could not read, with why.
 */
export interface CatalogOutcome {
  backups: BackupManifest[];
  unreadable: string[];
}
