import type { BackupPhase } from '../backups/BackupListItem.ts';

/** One backup as the history chart draws it. */
export interface BackupPoint {
  id: string;
  name: string;
  phase: BackupPhase;
  createdAt: string;
  /** Bytes written to the location (the backup's progress; final once it ended). */
  bytes: number;
}

export const backupPointFields = 'id name phase createdAt progress { bytes }';

/** A backup as the API returns it with `backupPointFields`. */
export interface BackupPointNode {
  id: string;
  name: string;
  phase: BackupPhase;
  createdAt: string;
  progress: { bytes: number };
}

export function toBackupPoint(node: BackupPointNode): BackupPoint {
  return { id: node.id, name: node.name, phase: node.phase, createdAt: node.createdAt, bytes: node.progress.bytes };
}
