import { type InputHTMLAttributes, type ReactNode, useId } from 'react';
import { Field } from './Field.tsx';

export interface TextFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'value' | 'onChange' | 'list'> {
  label: ReactNode;
  /** One line under the control: the format, an example, what an empty value means. */
  hint?: ReactNode;
  value: string;
  onChange: (value: string) => void;
  /** Values offered as one types (time zones, people who have signed in); any other may be typed too. */
  suggestions?: readonly { value: string; label?: string }[];
}

/**
 * A labelled text or number input. Its values are names, paths and numbers for this hub, which a browser's saved
 * entries and spelling marks only get in the way of, so both are off unless the caller says otherwise.
 */
export function TextField({ label, hint, value, onChange, suggestions, ...input }: TextFieldProps) {
  const listId = useId();
  return (
    <Field label={label} hint={hint}>
      {(control) => (
        <>
          <input
            autoComplete="off"
            spellCheck={false}
            {...input}
            {...control}
            list={suggestions ? listId : undefined}
            value={value}
            onChange={(event) => onChange(event.target.value)}
          />
          {suggestions && (
            <datalist id={listId}>
              {suggestions.map((s) => (
                <option key={s.value} value={s.value}>
                  {s.label}
                </option>
              ))}
            </datalist>
          )}
        </>
      )}
    </Field>
  );
}
