import type { ReactNode } from 'react';
import { Field } from './Field.tsx';

/** One choice of a select: the value it sets and what people read. */
export interface SelectOption<V extends string> {
  value: V;
  label: ReactNode;
}

export interface SelectFieldProps<V extends string> {
  label: ReactNode;
  hint?: ReactNode;
  value: V;
  onChange: (value: V) => void;
  /** The choices, as a list (a blank one is `{ value: '', label: 'None' }`) or as labels by value (`{ aws: 'Amazon S3' }`). */
  options: readonly SelectOption<V>[] | Readonly<Record<V, string>>;
  required?: boolean;
}

/** A labelled select among known values; what it reports is always one of them. */
export function SelectField<V extends string>({ label, hint, value, onChange, options, required }: SelectFieldProps<V>) {
  const list: readonly SelectOption<V>[] = Array.isArray(options)
    ? options
    : // A record's keys are its key type; Object.entries forgets that.
      (Object.entries(options) as [V, string][]).map(([v, text]) => ({ value: v, label: text }));
  const pick = (chosen: string) => {
    const option = list.find((o) => o.value === chosen);
    if (option) onChange(option.value);
  };
  return (
    <Field label={label} hint={hint}>
      {(control) => (
        <select {...control} value={value} required={required} onChange={(event) => pick(event.target.value)}>
          {list.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
