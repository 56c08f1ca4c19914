export interface DescribedChoicesProps<V extends string> {
  legend: string;
  /** Unique on the page: the radio group's name. */
  name: string;
  values: readonly V[];
  /** What each value is called and what it does. */
  describe: (value: V) => { label: string; detail: string };
  value: V;
  onChange: (value: V) => void;
}

/** A section of radio buttons, each value named in bold with what it does beside it (a restore's policies). */
export function DescribedChoices<V extends string>({ legend, name, values, describe, value, onChange }: DescribedChoicesProps<V>) {
  return (
    <fieldset className="restore-section">
      <legend>{legend}</legend>
      <div className="radio-list">
        {values.map((v) => {
          const look = describe(v);
          return (
            <label key={v} className="radio">
              <input type="radio" name={name} value={v} checked={value === v} onChange={() => onChange(v)} />
              <span>
                <strong>{look.label}</strong>
                <span className="subtle">{look.detail}</span>
              </span>
            </label>
          );
        })}
      </div>
    </fieldset>
  );
}
