import type { JobKind } from '#schema/agent/jobKinds';
import type { JobNamespaceReach } from '../db/namespaceScopeFilter.ts';

/**
 * Which namespaces each kind of job reaches: what a reader whose binding is narrowed to namespaces may see of
 * it. It sits here rather than in the kinds' handlers because the job table's read filter needs it and the
 * handlers sit above the job table.
 */
export const jobNamespaceReach: Readonly<Record<JobKind, JobNamespaceReach>> = {
  backup: 'subjectBackup',
  deleteBackup: 'subjectBackup',
  restore: 'subjectRestore',
  validateLocation: 'none',
  rebuildCatalog: 'every',
};
