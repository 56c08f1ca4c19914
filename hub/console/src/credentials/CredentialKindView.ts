import type { ComponentType } from 'react';
import type { FormBinding } from '../ui/bindForm.ts';
import type { Credential } from './Credential.ts';

/**
 * How the console shows and asks for one credential kind (one file per kind in `kinds/`, registered in
 * `credentialKinds.ts`). `S` is the kind's secret block as its form holds it; `I` the block the API takes.
 */
export interface CredentialKindView<S extends object, I> {
  /** What the kind is for, as the screens name it. */
  label: string;
  /** The block of a new credential: every field blank. */
  blank: S;
  /** The parts of a stored credential its form shows again when editing; never a secret. */
  shown: (credential: Credential) => Partial<S>;
  /** The block's fields. Secret inputs use `SecretInput`. */
  Fields: ComponentType<{ bind: FormBinding<S> }>;
  /** The block the API takes (schema `<Kind>CredentialInput`), blanks of optional fields left out. */
  input: (secret: S) => I;
}
