import type { CredentialKind } from '../api/hubEnums.ts';
import { bindForm, type FormBinding } from '../ui/bindForm.ts';
import type { CreateCredentialInput, Credential, CredentialSecretInput, UpdateCredentialInput } from './Credential.ts';
import { credentialKinds, type CredentialSecretForms } from './kinds/credentialKinds.ts';

/**
 * A credential as its form holds it: one secret block per kind, so switching kinds keeps what was typed. Secret
 * fields start blank, even when editing: the hub never returns them, and the form never shows one it was given.
 */
export interface CredentialForm {
  name: string;
  kind: CredentialKind;
  secrets: CredentialSecretForms;
  /** Editing: send a new secret block (else only the name changes). */
  replaceSecret: boolean;
}

function blankSecrets(): CredentialSecretForms {
  // `Object.entries` forgets the keys' type; they are exactly the registry's kinds, each with its own blank.
  return Object.fromEntries(Object.entries(credentialKinds).map(([kind, view]) => [kind, view.blank])) as CredentialSecretForms;
}

export function emptyCredentialForm(kind: CredentialKind = 'aws'): CredentialForm {
  return { name: '', kind, secrets: blankSecrets(), replaceSecret: true };
}

/** The form to edit a credential: its name and the non-secret parts shown; every secret blank. */
export function credentialFormFor(credential: Credential): CredentialForm {
  const form = emptyCredentialForm(credential.kind);
  return { ...form, name: credential.name, secrets: withShown(form.secrets, credential.kind, credential), replaceSecret: false };
}

function withShown<K extends CredentialKind>(secrets: CredentialSecretForms, kind: K, credential: Credential): CredentialSecretForms {
  const block: CredentialSecretForms[K] = { ...secrets[kind], ...credentialKinds[kind].shown(credential) };
  return { ...secrets, [kind]: block };
}

/** The controls of one kind's secret block, changing only that block of the form. */
export function secretBinding<K extends CredentialKind>(
  kind: K,
  { form, change }: FormBinding<CredentialForm>,
): FormBinding<CredentialSecretForms[K]> {
  const block = form.secrets[kind];
  return bindForm(block, (patch) => change({ secrets: { ...form.secrets, [kind]: { ...block, ...patch } } }));
}

function secretInput<K extends CredentialKind>(kind: K, secrets: CredentialSecretForms): CredentialSecretInput {
  return { [kind]: credentialKinds[kind].input(secrets[kind]) };
}

export function createCredentialInput(tenantId: string, form: CredentialForm): CreateCredentialInput {
  return { tenantId, name: form.name.trim(), ...secretInput(form.kind, form.secrets) };
}

/** Only what changed: the name when renamed, the whole secret block of the credential's kind when replacing it. */
export function updateCredentialInput(credential: Credential, form: CredentialForm): UpdateCredentialInput {
  const name = form.name.trim();
  return {
    ...(name !== credential.name ? { name } : {}),
    ...(form.replaceSecret ? secretInput(credential.kind, form.secrets) : {}),
  };
}
