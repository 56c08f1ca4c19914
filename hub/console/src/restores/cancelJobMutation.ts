import { defineOperation } from '../api/Operation.ts';

/** Cancels a restore's queued or running job, which fails the restore. */
export const cancelJobMutation = defineOperation<{ cancelJob: { id: string; phase: string } }, { id: string }>(
  'mutation CancelRestoreJob($id: ID!) { cancelJob(id: $id) { id phase } }',
);
