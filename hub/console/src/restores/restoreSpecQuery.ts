import { defineOperation } from '../api/Operation.ts';
import type { RestoreSpecData } from './RestoreData.ts';

/** An earlier restore's choices, to start a new one with them ("Restore again"). */
export const restoreSpecQuery = defineOperation<
  { restore: { id: string; backupId: string; targetClusterId: string; spec: RestoreSpecData } },
  { id: string }
>(`
  query RestoreSpec($id: ID!) {
    restore(id: $id) {
      id backupId targetClusterId
      spec {
        namespaceMapping { from to } includeNamespaces excludeNamespaces includeResources excludeResources
        labelSelectors existingResourcePolicy storageClassMapping { from to } dryRun
      }
    }
  }
`);
