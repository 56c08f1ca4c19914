import type { EntityManager } from '@mikro-orm/core';
import type { CatalogOutcome } from '#schema/agent/CatalogOutcome';
import type { BackupManifest } from '#schema/format/BackupManifest';
import type { JobRow } from '../jobs/JobEntity.ts';
import { RuleEntity } from '../rules/RuleEntity.ts';
import { BackupEntity } from './BackupEntity.ts';

/**
 * Puts the location's committed backups back into the catalog. What a manifest says is data from a bucket, so
 * it never chooses an owner: every imported backup belongs to the job's tenant and to the cluster whose agent
 * ran the rebuild (the cluster that re-registered after a database loss lists them), whatever cluster the
 * manifest names, and rule ids it names are kept only when they are rules of that tenant. Each keeps its id,
 * name, spec, phase, counts and times, and now points at this location. A backup already in this tenant's
 * catalog is left as it is; one whose id another tenant holds, or whose name the cluster already uses, is not
 * imported. The summary names only backups of this tenant, so it reveals nothing of others. Returns it.
 */
export async function importCatalog(em: EntityManager, job: JobRow, catalog: CatalogOutcome): Promise<string> {
  let imported = 0;
  let present = 0;
  let unavailable = 0;
  const clashes: string[] = [];
  const seenIds = new Set<string>();
  const takenNames = new Set<string>();
  const tenantRules = await ruleIdsOf(em, job.tenantId, catalog.backups);
  for (const manifest of catalog.backups) {
    if (seenIds.has(manifest.backupId)) continue;
    seenIds.add(manifest.backupId);
    const existing = await em.findOne(BackupEntity, { id: manifest.backupId }, { filters: false, fields: ['tenantId'] });
    if (existing) {
      if (existing.tenantId === job.tenantId) present++;
      else unavailable++;
      continue;
    }
    const nameTaken =
      takenNames.has(manifest.backupName) ||
      (await em.count(BackupEntity, { clusterId: job.clusterId, name: manifest.backupName }, { filters: false })) > 0;
    if (nameTaken) {
      clashes.push(manifest.backupName);
      continue;
    }
    takenNames.add(manifest.backupName);
    em.create(BackupEntity, rowOf(manifest, job, tenantRules));
    imported++;
  }
  await em.flush();
  const parts = [`imported ${imported} backup(s)`, `${present} already in the catalog`];
  if (clashes.length) parts.push(`not imported, name already used on this cluster: ${clashes.join(', ')}`);
  if (unavailable) parts.push(`not imported, id not available to this tenant: ${unavailable} backup(s)`);
  if (catalog.unreadable.length) parts.push(`unreadable: ${catalog.unreadable.join('; ')}`);
  return parts.join('; ');
}

/** The rule ids the manifests name that are rules of `tenantId`. */
async function ruleIdsOf(em: EntityManager, tenantId: string, manifests: BackupManifest[]): Promise<Set<string>> {
  const named = manifests.flatMap((m) => [m.spec.preRuleId, m.spec.postRuleId]).filter((id): id is string => !!id);
  if (named.length === 0) return new Set();
  const rules = await em.find(RuleEntity, { id: { $in: [...new Set(named)] }, tenantId }, { filters: false, fields: ['id'] });
  return new Set(rules.map((r) => r.id));
}

function rowOf(manifest: BackupManifest, job: JobRow, tenantRules: Set<string>) {
  const startedAt = new Date(manifest.startedAt);
  const errors = manifest.errorCount > 0 ? [`${manifest.errorCount} item(s) failed; see log.jsonl in the location`] : [];
  const ownRule = (id: string | null) => (id && tenantRules.has(id) ? id : null);
  const spec = {
    ...manifest.spec,
    clusterId: job.clusterId,
    locationId: job.subjectId,
    preRuleId: ownRule(manifest.spec.preRuleId),
    postRuleId: ownRule(manifest.spec.postRuleId),
  };
  return {
    id: manifest.backupId,
    tenantId: job.tenantId,
    clusterId: job.clusterId,
    locationId: job.subjectId,
    name: manifest.backupName,
    spec,
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
