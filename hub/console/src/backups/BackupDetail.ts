import type { BackupListItem } from './BackupListItem.ts';
import { backupListFields } from './BackupListItem.ts';
import { type BackupLogLineView, backupLogLineFields } from './BackupLogLineView.ts';
import { type BackupProblemView, backupProblemFields } from './BackupProblemView.ts';

/** What a backup takes (`BackupSpec`). */
export interface BackupSpecView {
  includeNamespaces: string[];
  excludeNamespaces: string[];
  labelSelectors: string[];
  includeResources: string[];
  excludeResources: string[];
  clusterScoped: 'auto' | 'all' | 'none';
  volumes: boolean;
  preRuleId: string | null;
  postRuleId: string | null;
  ttlSeconds: number;
}

/** A backup as its detail page shows it. */
export interface BackupDetail extends BackupListItem {
  locationId: string;
  spec: BackupSpecView;
  /** What looked wrong and what failed, each with its object; empty until the backup ends. */
  warnings: BackupProblemView[];
  errors: BackupProblemView[];
  /** The log its agent reported when it ended, from the first line; empty before. */
  log: BackupLogLineView[];
  /** The log above leaves out lines of the whole log in the location. */
  logTruncated: boolean;
}

export const backupDetailFields = `
  ${backupListFields}
  locationId
  spec {
    includeNamespaces excludeNamespaces labelSelectors includeResources excludeResources
    clusterScoped volumes preRuleId postRuleId ttlSeconds
  }
  warnings { ${backupProblemFields} }
  errors { ${backupProblemFields} }
  log { ${backupLogLineFields} }
  logTruncated
`;
