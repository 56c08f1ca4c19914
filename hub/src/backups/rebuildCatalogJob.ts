import { type CatalogOutcome, parseCatalogOutcome } from '#schema/agent/CatalogOutcome';
import { WireError } from '#schema/contracts/WireError';
import { compareAndSet } from '../db/compareAndSet.ts';
import { BadUserInputError } from '../errors/errors.ts';
import { JobEntity } from '../jobs/JobEntity.ts';
import type { JobKindHandler } from '../jobs/JobKindHandler.ts';
import { subjectlessSteps } from '../jobs/subjectlessSteps.ts';
import { locationTarget } from '../locations/locationTarget.ts';
import { importCatalog } from './importCatalog.ts';

/**
 * A `rebuildCatalog` job reads every committed backup's `backup.json` in the location `subjectId` names; its
 * success imports those the catalog lacks into the job's tenant and cluster, and leaves what it did as the
 * job's last progress message.
 */
export const rebuildCatalogJob: JobKindHandler<'rebuildCatalog', CatalogOutcome> = {
  ...subjectlessSteps,

  async payload(em, secrets, job) {
    return { kind: 'rebuildCatalog', location: await locationTarget(em, secrets, job.subjectId) };
  },

  parseOutcome(value) {
    try {
      return parseCatalogOutcome(value);
    } catch (error) {
      if (error instanceof WireError) throw new BadUserInputError(error.field, error.problem);
      throw error;
    }
  },

  async finish(tx, job, end) {
    if (!end.ok) return;
    const summary = await importCatalog(tx, job, end.outcome);
    const found = end.outcome.backups.length;
    await compareAndSet(tx, JobEntity, { id: job.id }, { progress: { done: found, total: found, bytes: 0, message: summary } });
  },

  // It imports the backups of every namespace: no reader narrowed to namespaces sees it.
  namespaceReach: 'every',

  notCancellable: undefined,
};
