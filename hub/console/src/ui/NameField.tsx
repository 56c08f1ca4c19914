import { Field } from './Field.tsx';

export interface NameFieldProps {
  value: string;
  onChange: (name: string) => void;
  /** A name as people would give one, e.g. "nightly"; none: no example. */
  example?: string;
}

/** The name of a tenant's object, which the hub checks: lowercase letters, digits and dashes, unique in the tenant. */
export function NameField({ value, onChange, example }: NameFieldProps) {
  return (
    <Field
      label="Name"
      hint={`Lowercase letters, digits and dashes, unique in the tenant${example ? `, e.g. ${example}` : ''}.`}
    >
      {(control) => (
        <input
          {...control}
          required
          autoComplete="off"
          spellCheck={false}
          value={value}
          onChange={(event) => onChange(event.target.value)}
        />
      )}
    </Field>
  );
}
