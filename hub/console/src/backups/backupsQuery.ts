import { defineOperation } from '../api/Operation.ts';
import { type BackupListItem, backupListFields, type BackupPhase } from './BackupListItem.ts';

/** The API's `BackupFilter`. */
export interface BackupFilterInput {
  tenantId: string | null;
  clusterId?: string;
  phases?: BackupPhase[];
  labels?: { key: string; value: string }[];
  nameContains?: string;
  createdAfter?: string;
  createdBefore?: string;
}

export interface BackupsData {
  backups: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    edges: { node: BackupListItem }[];
  };
}

/** How many backups one page of the list shows. */
export const backupsPageSize = 50;

/** One page of backups, newest first. */
export const backupsQuery = defineOperation<BackupsData, { filter: BackupFilterInput; after: string | null }>(`
  query Backups($filter: BackupFilter, $after: String) {
    backups(first: ${backupsPageSize}, after: $after, filter: $filter) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { node { ${backupListFields} } }
    }
  }
`);
