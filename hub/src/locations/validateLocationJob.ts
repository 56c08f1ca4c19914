import type { JobKindHandler } from '../jobs/JobKindHandler.ts';
import { subjectlessSteps } from '../jobs/subjectlessSteps.ts';
import { BackupLocationEntity } from './BackupLocationEntity.ts';
import { locationTarget } from './locationTarget.ts';

/**
 * A `validateLocation` job writes, reads back and deletes a probe object in the location `subjectId` names;
 * its end, either way, is the location's validation: when, by which cluster, and what failed.
 */
export const validateLocationJob: JobKindHandler<'validateLocation', undefined> = {
  ...subjectlessSteps,

  async payload(em, secrets, job) {
    return { kind: 'validateLocation', location: await locationTarget(em, secrets, job.subjectId) };
  },

  parseOutcome: null,

  async finish(tx, job, end, { now, clusterId }) {
    const location = await tx.findOne(BackupLocationEntity, { id: job.subjectId }, { filters: false });
    if (!location) return;
    Object.assign(location, { validatedAt: now, validatedByClusterId: clusterId, validationError: end.ok ? null : end.error });
    await tx.flush();
  },

  // It reaches no namespace: every reader of its cluster may see it.
  namespaceReach: 'none',

  notCancellable: undefined,
};
