import { defineOperation } from '../api/Operation.ts';
import { type RestoreData, restoreFields } from './RestoreData.ts';

/** The restore each time it changes: its phase, progress and item counts while it runs, its result at the end. */
export const restoreUpdatedSubscription = defineOperation<{ restoreUpdated: RestoreData }, { id: string }>(`
  subscription RestoreUpdated($id: ID!) {
    restoreUpdated(id: $id) { ...RestoreFields }
  }
  ${restoreFields}
`);
