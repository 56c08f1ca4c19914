import { useSubscription } from '../api/useSubscription.ts';
import type { BackupListItem } from './BackupListItem.ts';
import { backupUpdatedSubscription } from './backupUpdatedSubscription.ts';
import { isInProgress } from './isInProgress.ts';

export interface LiveBackup {
  /** The newest state: the subscription's latest, else the one queried. */
  backup: BackupListItem;
  /** The hub no longer knows it: its deletion finished while it was followed. */
  gone: boolean;
}

/**
 * A listed backup, followed through `backupUpdated` while its queried phase is one it leaves on its own
 * (pending, running, deleting), so its row moves without reloading the list.
 */
export function useLiveBackup(queried: BackupListItem): LiveBackup {
  const follow = isInProgress(queried.phase);
  const live = useSubscription(backupUpdatedSubscription, { id: queried.id }, { skip: !follow });
  if (!follow) return { backup: queried, gone: false };
  const latest = live.status === 'connecting' ? undefined : live.data?.backupUpdated;
  const gone = live.status === 'error' && live.error.code === 'NOT_FOUND';
  return { backup: latest ?? queried, gone };
}
