import { useId } from 'react';

export interface RadioChoicesProps<V extends string> {
  /** Names the group for assistive technology, e.g. "Action 1: how to run". */
  label: string;
  /** What each value is called, in the order shown. */
  options: Readonly<Record<V, string>>;
  value: V;
  onChange: (value: V) => void;
}

/** A row of radio buttons choosing one of a few values, each labelled beside its button. */
export function RadioChoices<V extends string>({ label, options, value, onChange }: RadioChoicesProps<V>) {
  const name = useId();
  // A record's keys are its key type; Object.entries forgets that.
  const entries = Object.entries(options) as [V, string][];
  return (
    <div className="choice-group" role="radiogroup" aria-label={label}>
      {entries.map(([v, text]) => (
        <label key={v}>
          <input type="radio" name={name} checked={value === v} onChange={() => onChange(v)} />
          {text}
        </label>
      ))}
    </div>
  );
}
