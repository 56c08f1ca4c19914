import type { CredentialKind } from '../api/hubEnums.ts';
import type { FormBinding } from '../ui/bindForm.ts';
import { type CredentialForm, secretBinding } from './credentialForm.ts';
import { credentialKinds } from './kinds/credentialKinds.ts';

/**
 * The secret block of a credential's kind. Secret inputs are password fields, start blank and ask browsers not
 * to fill or remember them; the hub stores them encrypted and never returns them.
 */
export function SecretFields({ bind }: { bind: FormBinding<CredentialForm> }) {
  return <KindFields kind={bind.form.kind} bind={bind} />;
}

function KindFields<K extends CredentialKind>({ kind, bind }: { kind: K; bind: FormBinding<CredentialForm> }) {
  const { Fields } = credentialKinds[kind];
  return <Fields bind={secretBinding(kind, bind)} />;
}
