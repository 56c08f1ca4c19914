/** A job that acted on a backup: taking it, or deleting its data (`Job` in the schema). */
export interface BackupJob {
  id: string;
  kind: 'backup' | 'restore' | 'validateLocation' | 'deleteBackup' | 'rebuildCatalog';
  phase: 'Queued' | 'Running' | 'Succeeded' | 'Failed' | 'Cancelled';
  attempts: number;
  progress: { done: number; total: number; bytes: number; message: string | null } | null;
  error: string | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
}

export const backupJobFields = `
  id kind phase attempts progress { done total bytes message } error createdAt startedAt finishedAt
`;
