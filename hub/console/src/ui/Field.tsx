import { type ReactNode, useId } from 'react';
import './forms.css';

/** What a control needs to be labelled and described by its field. */
export interface FieldControlProps {
  id: string;
  'aria-describedby': string | undefined;
}

export interface FieldProps {
  label: ReactNode;
  /** One line under the control: the format, an example, what an empty value means. */
  hint?: ReactNode;
  /** Renders the control with the id its label points at. */
  children: (control: FieldControlProps) => ReactNode;
}

/** A labelled form control with an optional hint, wired for assistive technology. */
export function Field({ label, hint, children }: FieldProps) {
  const id = useId();
  const hintId = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children({ id, 'aria-describedby': hint ? hintId : undefined })}
      {hint && (
        <p className="hint" id={hintId}>
          {hint}
        </p>
      )}
    </div>
  );
}

export interface CheckboxFieldProps {
  label: ReactNode;
  checked: boolean;
  onChange: (checked: boolean) => void;
  hint?: ReactNode;
  disabled?: boolean;
}

/** A checkbox with its label beside it and an optional hint under both. */
export function CheckboxField({ label, checked, onChange, hint, disabled }: CheckboxFieldProps) {
  const id = useId();
  const hintId = useId();
  return (
    <div className="field-check">
      <input
        id={id}
        type="checkbox"
        checked={checked}
        disabled={disabled}
        onChange={(event) => onChange(event.target.checked)}
        aria-describedby={hint ? hintId : undefined}
      />
      <label htmlFor={id}>{label}</label>
      {hint && (
        <p className="hint" id={hintId}>
          {hint}
        </p>
      )}
    </div>
  );
}
