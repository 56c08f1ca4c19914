import type { ReactNode } from 'react';

export interface DialogActionsProps {
  /** The button that leaves: "Cancel" beside a submit button, "Close" or "Done" alone. */
  close: string;
  onClose: () => void;
  /** Leaving is what the dialog is there for now ("Done" after a token is shown). */
  primary?: boolean;
  /** The dialog's own action, right of the leaving button: a submit button, "Delete policy". */
  children?: ReactNode;
}

/** The buttons at the bottom of a dialog or form: the way out first, the action last. */
export function DialogActions({ close, onClose, primary, children }: DialogActionsProps) {
  return (
    <div className="form-actions">
      <button type="button" className={primary ? 'primary' : undefined} onClick={onClose}>
        {close}
      </button>
      {children}
    </div>
  );
}
