import { TextField, type TextFieldProps } from '../ui/TextField.tsx';

/** A write-only secret: a password input browsers neither fill nor remember. */
export function SecretInput(props: TextFieldProps) {
  return <TextField {...props} type="password" autoComplete="new-password" />;
}
