import { useMutation } from '../api/useMutation.ts';
import { ErrorState } from '../states/ErrorState.tsx';
import { Dialog } from '../ui/Dialog.tsx';
import type { BackupDetail } from './BackupDetail.ts';
import { deleteBackupMutation } from './deleteBackupMutation.ts';

export interface DeleteBackupDialogProps {
  backup: BackupDetail;
  locationName: string;
  onClose: () => void;
  onDeleting: (backup: BackupDetail) => void;
}

/** Asks before deleting: the data leaves the location for good. */
export function DeleteBackupDialog({ backup, locationName, onClose, onDeleting }: DeleteBackupDialogProps) {
  const mutation = useMutation(deleteBackupMutation);
  const busy = mutation.state.status === 'running';
  const retry = backup.phase === 'Deleting';
  const remove = async () => {
    const data = await mutation.run({ id: backup.id });
    if (data) {
      onDeleting(data.deleteBackup);
      onClose();
    }
  };
  return (
    <Dialog
      title={retry ? `Retry deleting ${backup.name}?` : `Delete ${backup.name}?`}
      onClose={onClose}
    >
      <p>
        Its data is removed from the location <strong>{locationName}</strong>, then it leaves the catalog. It cannot be
        restored afterwards, and this cannot be undone.
      </p>
      {mutation.state.status === 'error' && (
        <ErrorState error={mutation.state.error} title="The hub did not delete it" compact />
      )}
      <div className="form-actions">
        <button type="button" onClick={onClose}>
          Cancel
        </button>
        <button type="button" className="danger" onClick={remove} disabled={busy}>
          {busy ? 'Deleting…' : retry ? 'Retry deletion' : 'Delete backup'}
        </button>
      </div>
    </Dialog>
  );
}
