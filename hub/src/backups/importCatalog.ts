import type { EntityManager } from '@mikro-orm/core';
import type { CatalogOutcome } from '../../../schema/agent/CatalogOutcome.ts';
import { type BackupManifest, parseBackupManifest } from '../../../schema/format/BackupManifest.ts';
import { parseBackupSpec } from '../../../schema/spec/BackupSpec.ts';
import { BadUserInputError } from '../errors/errors.ts';
import type { JobRow } from '../jobs/JobEntity.ts';
import { BackupEntity } from './BackupEntity.ts';

/** Checks a catalog read reported by an agent; every manifest and its spec are validated like any wire input. */
export function parseCatalogOutcome(value: unknown): CatalogOutcome {
  const o = (value ?? {}) as Partial<CatalogOutcome>;
  if (!Array.isArray(o.backups) || !Array.isArray(o.unreadable)) {
    throw new BadUserInputError('outcome', 'a catalog read must list backups and unreadable manifests');
  }
  const backups = o.backups.map((manifest, i) => {
    try {
      const parsed = parseBackupManifest(manifest);
      return { ...parsed, spec: parseBackupSpec(parsed.spec) };
    } catch (error) {
      throw new BadUserInputError(`outcome.backups[${i}]`, (error as Error).message);
    }
  });
  return { backups, unreadable: o.unreadable.map(String) };
}

/**
 * Puts the location's committed backups back into the catalog, for the tenant that owns the location: each
 * keeps its id, name, source cluster, spec, phase, counts and times, and now points at this location. A
 * backup already in the catalog is left as it is; one whose name its cluster already uses for another
 * backup is reported, not imported. Returns a summary for the job.
 */
export async function importCatalog(em: EntityManager, job: JobRow, catalog: CatalogOutcome): Promise<string> {
  let imported = 0;
  let present = 0;
  const clashes: string[] = [];
  for (const manifest of catalog.backups) {
    if (await em.findOne(BackupEntity, { id: manifest.backupId }, { filters: false })) {
      present++;
      continue;
    }
    const clash = await em.findOne(
      BackupEntity,
      { clusterId: manifest.clusterId, name: manifest.backupName },
      { filters: false },
    );
    if (clash) {
      clashes.push(manifest.backupName);
      continue;
    }
    em.create(BackupEntity, rowOf(manifest, job));
    imported++;
  }
  await em.flush();
  const parts = [`imported ${imported} backup(s)`, `${present} already in the catalog`];
  if (clashes.length) parts.push(`not imported, name already used on their cluster: ${clashes.join(', ')}`);
  if (catalog.unreadable.length) parts.push(`unreadable: ${catalog.unreadable.join('; ')}`);
  return parts.join('; ');
}

function rowOf(manifest: BackupManifest, job: JobRow) {
  const startedAt = new Date(manifest.startedAt);
  const errors = manifest.errorCount > 0 ? [`${manifest.errorCount} item(s) failed; see log.jsonl in the location`] : [];
  return {
    id: manifest.backupId,
    tenantId: job.tenantId,
    clusterId: manifest.clusterId,
    locationId: job.subjectId,
    name: manifest.backupName,
    spec: { ...manifest.spec, locationId: job.subjectId },
    labels: manifest.spec.labels,
    phase: manifest.phase,
    progress: { itemsDone: manifest.itemCount, itemsTotal: manifest.itemCount, bytes: manifest.bytes },
    result: { countsByKind: manifest.countsByKind, warnings: [], errors },
    createdAt: startedAt,
    startedAt,
    completedAt: new Date(manifest.completedAt),
    expiresAt: new Date(startedAt.getTime() + manifest.spec.ttlSeconds * 1000),
  };
}
