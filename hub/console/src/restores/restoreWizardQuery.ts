import type { ResourceCount } from '../backups/BackupListItem.ts';
import { defineOperation } from '../api/Operation.ts';

export interface WizardBackup {
  id: string;
  tenantId: string;
  clusterId: string;
  name: string;
  phase: 'Pending' | 'Running' | 'Completed' | 'PartiallyFailed' | 'Failed' | 'Deleting';
  createdAt: string;
  completedAt: string | null;
  spec: { includeNamespaces: string[]; excludeNamespaces: string[]; labelSelectors: string[] };
  result: { countsByKind: ResourceCount[] } | null;
}

export interface WizardCluster {
  id: string;
  tenantId: string;
  name: string;
  status: 'PendingEnrollment' | 'Connected' | 'Disconnected';
  facts: { storageClasses: { name: string; isDefault: boolean }[] } | null;
}

export interface RestoreWizardData {
  backup: WizardBackup;
  /** Every cluster the caller sees; the wizard offers those of the backup's tenant. */
  clusters: { edges: { node: WizardCluster }[] };
}

/** The backup to restore and the clusters it can go to. */
export const restoreWizardQuery = defineOperation<RestoreWizardData, { backupId: string }>(`
  query RestoreWizard($backupId: ID!) {
    backup(id: $backupId) {
      id tenantId clusterId name phase createdAt completedAt
      spec { includeNamespaces excludeNamespaces labelSelectors }
      result { countsByKind { resource kind count } }
    }
    clusters(first: 500) {
      edges { node { id tenantId name status facts { storageClasses { name isDefault } } } }
    }
  }
`);
