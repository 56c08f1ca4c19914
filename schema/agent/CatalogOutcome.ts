import { parseBackupSpec } from '../contracts/BackupSpec.ts';
import { WireError } from '../contracts/WireError.ts';
import { type BackupManifest, parseBackupManifest } from '../format/BackupManifest.ts';

/**
 * What an agent reports when it completes a `rebuildCatalog` job: every committed backup found in the
 * location (its `backup.json`), and the `backup.json` files it could not read, with why.
 */
export interface CatalogOutcome {
  backups: BackupManifest[];
  unreadable: string[];
}

/**
 * Parses a catalog read from the wire; every manifest and its spec are validated like any wire input. A
 * manifest this reader cannot read (a newer agent reports backups of a format or spec version it does not know,
 * or one is damaged) joins the unreadable ones with why, as the agent does with the manifests it cannot read:
 * one such backup must not hide the others, nor be imported half understood. Throws a `WireError` when the
 * report is not a catalog read at all.
 */
export function parseCatalogOutcome(value: unknown): CatalogOutcome {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new WireError('outcome', 'a catalog read must list backups and unreadable manifests');
  }
  const o = value as Record<string, unknown>;
  if (!Array.isArray(o.backups) || !Array.isArray(o.unreadable)) {
    throw new WireError('outcome', 'a catalog read must list backups and unreadable manifests');
  }
  const unreadable = o.unreadable.map((line: unknown, i) => {
    if (typeof line !== 'string') throw new WireError(`outcome.unreadable[${i}]`, 'must be a string');
    return line;
  });
  const backups: BackupManifest[] = [];
  o.backups.forEach((manifest: unknown, i) => {
    try {
      const parsed = parseBackupManifest(manifest);
      backups.push({ ...parsed, spec: parseBackupSpec(parsed.spec) });
    } catch (error) {
      if (!(error instanceof WireError)) throw error;
      const id = typeof manifest === 'object' && manifest !== null ? (manifest as Record<string, unknown>).backupId : undefined;
      const where = typeof id === 'string' ? `backups/${id.slice(0, 64)}/backup.json` : `backup ${i + 1} of the report`;
      unreadable.push(`${where}: ${error.message}`);
    }
  });
  return { backups, unreadable };
}
