import type { JobKind } from '#schema/agent/JobPayload';
import { authorize } from '../access/authorize.ts';
import type { JobKindHandler } from './JobKindHandler.ts';

/**
 * The steps of a job whose subject does not run with it (a location check, a backup's deletion, a catalog
 * rebuild): taking it, its progress and its cancellation change only the job itself, which an operator of
 * its cluster may cancel.
 */
export const subjectlessSteps = {
  start: async () => undefined,
  progress: async () => undefined,
  authorizeCancel: async (_em, principal, job) => {
    authorize(principal, 'operate', { tenantId: job.tenantId, clusterId: job.clusterId });
  },
  cancel: async () => undefined,
} satisfies Pick<JobKindHandler<JobKind>, 'start' | 'progress' | 'authorizeCancel' | 'cancel'>;
