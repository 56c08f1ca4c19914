import type { JobKind, JobPhase } from '../api/hubEnums.ts';

/** A job that acted on a backup: taking it, or deleting its data (`Job` in the schema). */
export interface BackupJob {
  id: string;
  kind: JobKind;
  phase: JobPhase;
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
