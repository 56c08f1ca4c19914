import type { ReactNode } from 'react';
import { Field } from './Field.tsx';

export interface LinesFieldProps {
  label: ReactNode;
  /** What one line holds, with an example. */
  hint: ReactNode;
  value: string;
  onChange: (value: string) => void;
  rows: number;
  required?: boolean;
}

/** A labelled text area taking one entry a line (selectors, arguments), in a fixed-width font. */
export function LinesField({ label, hint, value, onChange, rows, required }: LinesFieldProps) {
  return (
    <Field label={label} hint={hint}>
      {(control) => (
        <textarea
          {...control}
          className="mono"
          rows={rows}
          required={required}
          spellCheck={false}
          value={value}
          onChange={(event) => onChange(event.target.value)}
        />
      )}
    </Field>
  );
}
