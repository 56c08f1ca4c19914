import { TextField } from './TextField.tsx';

export interface NameFieldProps {
  value: string;
  onChange: (name: string) => void;
  /** A name as people would give one, e.g. "nightly"; none: no example. */
  example?: string;
}

/** The name of a tenant's object, which the hub checks: lowercase letters, digits and dashes, unique in the tenant. */
export function NameField({ value, onChange, example }: NameFieldProps) {
  return (
    <TextField
      label="Name"
      hint={`Lowercase letters, digits and dashes, unique in the tenant${example ? `, e.g. ${example}` : ''}.`}
      required
      value={value}
      onChange={onChange}
    />
  );
}
