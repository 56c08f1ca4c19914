import type { JobPhase } from '../api/hubEnums.ts';
import { defineOperation } from '../api/Operation.ts';
import { type RestoreData, restoreFields } from './RestoreData.ts';

/** The job that carries a restore out, as far as the restore's page shows it. */
export interface RestoreJob {
  id: string;
  phase: JobPhase;
  attempts: number;
  error: string | null;
  progress: { message: string | null } | null;
}

export interface RestoreQueryData {
  restore: RestoreData;
  /** The restore's job: its agent's latest message, and what `cancelJob` takes. */
  jobs: { edges: { node: RestoreJob }[] };
}

/** One restore with its job; `restoreUpdated` then keeps the restore fresh. */
export const restoreQuery = defineOperation<RestoreQueryData, { id: string }>(`
  query Restore($id: ID!) {
    restore(id: $id) { ...RestoreFields }
    jobs(first: 1, filter: { subjectId: $id, kinds: [restore] }) {
      edges { node { id phase attempts error progress { message } } }
    }
  }
  ${restoreFields}
`);
