import { defineOperation } from '../api/Operation.ts';
import type { BackupLocationKind } from '../api/hubEnums.ts';

export interface LocationChoice {
  id: string;
  name: string;
  kind: BackupLocationKind;
  validation: { ok: boolean; error: string | null; checkedAt: string } | null;
}

/** The tenant's backup locations, to choose where a backup goes. */
export const backupLocationsQuery = defineOperation<
  { backupLocations: { edges: { node: LocationChoice }[] } },
  { tenantId: string }
>(`
  query BackupLocationChoices($tenantId: ID!) {
    backupLocations(tenantId: $tenantId, first: 100) {
      edges { node { id name kind validation { ok error checkedAt } } }
    }
  }
`);
