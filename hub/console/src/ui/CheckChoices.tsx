import type { SelectOption } from './SelectField.tsx';

export interface CheckChoicesProps<V extends string> {
  /** The group's legend, saying what none ticked means: "Clusters (none ticked: all)". */
  legend: string;
  options: readonly SelectOption<V>[];
  chosen: readonly V[];
  /** The values ticked now, those ticked before first, in the order they were ticked. */
  onChange: (chosen: V[]) => void;
}

/** A set of checkboxes choosing any number of values, in a nested fieldset. */
export function CheckChoices<V extends string>({ legend, options, chosen, onChange }: CheckChoicesProps<V>) {
  const toggle = (value: V, on: boolean) => onChange([...chosen.filter((v) => v !== value), ...(on ? [value] : [])]);
  return (
    <fieldset className="fieldset nested">
      <legend>{legend}</legend>
      <div className="choice-group">
        {options.map((o) => (
          <label key={o.value}>
            <input type="checkbox" checked={chosen.includes(o.value)} onChange={(event) => toggle(o.value, event.target.checked)} />
            {o.label}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
