import type { FormEvent, ReactNode } from 'react';
import type { MutationState } from '../api/useMutation.ts';
import { ErrorState } from '../states/ErrorState.tsx';
import { Dialog } from './Dialog.tsx';
import { DialogActions } from './DialogActions.tsx';

export interface FormDialogProps<TData> {
  title: string;
  /** The sending mutation's state: the button waits while it runs; a refusal shows under the fields. */
  state: MutationState<TData>;
  /** Sends the form; resolves with the hub's answer, or undefined when the hub refused (see `state`). */
  send: () => Promise<TData | undefined>;
  /** After the hub took it (reload the list). */
  onSaved: (data: TData) => void;
  onClose: () => void;
  /** False for a dialog that shows the answer next (a token's secret). */
  closeWhenSaved?: boolean;
  /** "The hub did not create the rule" */
  failed: string;
  /** The submit button, "Create rule", and its label while the hub works, "Creating…". */
  submit: string;
  busy: string;
  /** Holds the submit button back while the form cannot be sent yet. */
  incomplete?: boolean;
  /** Browsers offer no saved values in forms that hold secrets or names unique to this hub. */
  autoComplete?: 'off';
  children: ReactNode;
}

/** A form in a dialog: its fields, the hub's refusal if any, Cancel and the submit button. */
export function FormDialog<TData>(props: FormDialogProps<TData>) {
  const { title, state, send, onSaved, onClose, closeWhenSaved = true, failed, submit, busy, children } = props;
  const running = state.status === 'running';
  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const data = await send();
    if (data === undefined) return;
    onSaved(data);
    if (closeWhenSaved) onClose();
  };
  return (
    <Dialog title={title} onClose={onClose}>
      <form className="form" onSubmit={onSubmit} autoComplete={props.autoComplete}>
        {children}
        {state.status === 'error' && <ErrorState error={state.error} title={failed} compact />}
        <DialogActions close="Cancel" onClose={onClose}>
          <button type="submit" className="primary" disabled={running || props.incomplete}>
            {running ? busy : submit}
          </button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
