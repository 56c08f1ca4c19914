import type { JobKindHandler } from '../jobs/JobKindHandler.ts';
import { subjectlessSteps } from '../jobs/subjectlessSteps.ts';
import { UnrunnableJobError } from '../jobs/UnrunnableJobError.ts';
import { BackupLocationEntity } from './BackupLocationEntity.ts';
import { locationRepositoryKey } from './locationRepositoryKey.ts';
import { locationTargetWithKey } from './locationTarget.ts';

/**
 * A `rotateRepositoryKey` job rewraps the master key of the repository in the location `subjectId` names,
 * from the key the hub holds to the pending one `rotateLocationKey` sealed. Its success makes the pending key
 * the location's key, in the transaction that ends the job; its failure drops the pending key, so the old one
 * stays in use and the job's error says why.
 */
export const rotateRepositoryKeyJob: JobKindHandler<'rotateRepositoryKey', undefined> = {
  ...subjectlessSteps,

  async payload(em, secrets, job) {
    const { target, row } = await locationTargetWithKey(em, secrets, job.subjectId);
    if (!row.sealedPendingRepositoryKey) {
      throw new UnrunnableJobError(`backup location '${row.name}' has no key rotation pending`);
    }
    const newRepositoryKey = locationRepositoryKey.open(secrets, row.id, row.sealedPendingRepositoryKey);
    return { kind: 'rotateRepositoryKey', location: target, newRepositoryKey };
  },

  parseOutcome: null,

  async finish(tx, job, end) {
    const location = await tx.findOne(BackupLocationEntity, { id: job.subjectId }, { filters: false });
    if (!location?.sealedPendingRepositoryKey) return;
    if (end.ok) location.sealedRepositoryKey = location.sealedPendingRepositoryKey;
    location.sealedPendingRepositoryKey = null;
    await tx.flush();
  },

  // It reaches no namespace: every reader of its cluster may see it.
  namespaceReach: 'none',

  notCancellable:
    "an agent stopped midway may leave the repository opening only with the new key, which the hub would then have dropped; the job ends on its own, and a failed rotation keeps the old key",
};
