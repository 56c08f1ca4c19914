/** The wizard; with a backup, it starts at that backup's choices (what backups' pages link to). */
export function newRestorePath(backupId?: string): string {
  return backupId ? `/restores/new?backup=${encodeURIComponent(backupId)}` : '/restores/new';
}

/** The wizard filled in with an earlier restore's choices: to run a dry run for real, or to try again. */
export function restoreAgainPath(restore: { id: string; backupId: string }): string {
  return `${newRestorePath(restore.backupId)}&from=${encodeURIComponent(restore.id)}`;
}

export function restorePath(id: string): string {
  return `/restores/${encodeURIComponent(id)}`;
}

/** The backups screen's detail page (hub/console/src/backups). */
export function backupPath(id: string): string {
  return `/backups/${encodeURIComponent(id)}`;
}
