import type { InputHTMLAttributes, ReactNode } from 'react';
import { Field } from './Field.tsx';

export interface TextFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'value' | 'onChange'> {
  label: ReactNode;
  /** One line under the control: the format, an example, what an empty value means. */
  hint?: ReactNode;
  value: string;
  onChange: (value: string) => void;
}

/**
 * A labelled text or number input. Its values are names, paths and numbers for this hub, which a browser's saved
 * entries and spelling marks only get in the way of, so both are off unless the caller says otherwise.
 */
export function TextField({ label, hint, value, onChange, ...input }: TextFieldProps) {
  return (
    <Field label={label} hint={hint}>
      {(control) => (
        <input
          autoComplete="off"
          spellCheck={false}
          {...input}
          {...control}
          value={value}
          onChange={(event) => onChange(event.target.value)}
        />
      )}
    </Field>
  );
}
