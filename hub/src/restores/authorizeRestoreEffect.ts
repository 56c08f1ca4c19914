import type { RestoreSpec } from '#schema/contracts/RestoreSpec';
import { allows } from '../access/authorize.ts';
import type { Principal } from '../auth/Principal.ts';
import type { BackupRow } from '../backups/BackupEntity.ts';
import { namespacesTouched } from '../backups/namespacesTouched.ts';
import { ForbiddenError } from '../errors/errors.ts';

/**
 * What a restore changes beyond its target namespaces (which `createRestore` authorizes): the cluster-scoped
 * objects it restores are shared by every namespace of the target. A caller whose binding does not cover
 * every namespace of the target cluster may overwrite existing ones (`update`, `replace`) only with a backup
 * that holds no more than its own namespaces' objects would need: a backup whose namespaces are all within
 * its narrowing and whose cluster-scoped objects were taken by `auto` or not at all. With `skip`, existing
 * objects are left as they are, so nothing shared changes. Such a caller never restores `clusterScoped: all`
 * (every cluster-scoped object of the backup), only `auto` or `none`.
 */
export function authorizeRestoreEffect(
  principal: Principal,
  backup: Pick<BackupRow, 'tenantId' | 'clusterId' | 'spec'>,
  targetClusterId: string,
  spec: Pick<RestoreSpec, 'existingResourcePolicy' | 'clusterScoped'>,
): void {
  const { tenantId } = backup;
  if (allows(principal, 'operate', { tenantId, clusterId: targetClusterId, namespaces: ['*'] })) return;
  if (spec.clusterScoped === 'all') {
    throw new ForbiddenError(
      "clusterScoped 'all' restores cluster-scoped objects that namespaces beyond your binding share; use " +
        "'auto' (only what the restored namespaces need) or 'none', or ask someone whose binding covers the " +
        'whole target cluster',
    );
  }
  if (spec.existingResourcePolicy === 'skip') return;
  const backupWithin = allows(principal, 'read', {
    tenantId,
    clusterId: backup.clusterId,
    namespaces: namespacesTouched(backup.spec.includeNamespaces),
  });
  if (backupWithin && backup.spec.clusterScoped !== 'all') return;
  throw new ForbiddenError(
    `existingResourcePolicy '${spec.existingResourcePolicy}' would overwrite cluster-scoped objects shared by ` +
      'namespaces beyond your binding, from a backup that reaches past your namespaces; use ' +
      "existingResourcePolicy 'skip', or ask someone whose binding covers the whole target cluster",
  );
}
