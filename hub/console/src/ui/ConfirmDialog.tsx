import type { ReactNode } from 'react';
import type { Operation } from '../api/Operation.ts';
import { useMutation } from '../api/useMutation.ts';
import { ErrorState } from '../states/ErrorState.tsx';
import { Dialog } from './Dialog.tsx';
import { DialogActions } from './DialogActions.tsx';

export interface ConfirmDialogProps<TVariables extends object> {
  title: string;
  /** What will happen, and what will not. */
  children: ReactNode;
  /** The confirming button's label, e.g. "Delete policy". */
  confirm: string;
  /** "The hub did not delete the policy" */
  failed: string;
  /** The destructive mutation (delete, revoke) and its variables. */
  operation: Operation<unknown, TVariables>;
  variables: TVariables;
  /** Called after the hub did it (reload the list); the dialog closes through `onClose` next. */
  onDone: () => void;
  onClose: () => void;
}

/**
 * Asks before a destructive action, sends it, and on a refusal stays open showing the hub's message, code and
 * advice (e.g. CONFLICT while something still uses what is being deleted, FORBIDDEN for a role too small).
 */
export function ConfirmDialog<TVariables extends object>(props: ConfirmDialogProps<TVariables>) {
  const { title, children, confirm, failed, operation, variables, onDone, onClose } = props;
  const mutation = useMutation(operation);
  const busy = mutation.state.status === 'running';
  const run = async () => {
    const data = await mutation.run(variables);
    if (data !== undefined) {
      onDone();
      onClose();
    }
  };
  return (
    <Dialog title={title} onClose={onClose}>
      <div className="form">
        <div>{children}</div>
        {mutation.state.status === 'error' && <ErrorState error={mutation.state.error} title={failed} compact />}
        <DialogActions close="Cancel" onClose={onClose}>
          <button type="button" className="danger primary" disabled={busy} onClick={run}>
            {busy ? 'Working…' : confirm}
          </button>
        </DialogActions>
      </div>
    </Dialog>
  );
}
