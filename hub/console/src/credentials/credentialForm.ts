import { unreachable } from '../ui/unreachable.ts';
import type {
  CreateCredentialInput,
  Credential,
  CredentialKind,
  CredentialSecretInput,
  UpdateCredentialInput,
} from './Credential.ts';

/** Which one of its three secrets an Azure credential carries. */
export type AzureSecretKind = 'accountKey' | 'sasToken' | 'connectionString';

/**
 * A credential as its form holds it. Secret fields start blank, even when editing: the hub never returns them,
 * and the form never shows one it was given.
 */
export interface CredentialForm {
  name: string;
  kind: CredentialKind;
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken: string;
  region: string;
  accountName: string;
  azureSecretKind: AzureSecretKind;
  azureSecret: string;
  serviceAccountJson: string;
  /** Editing: send a new secret block (else only the name changes). */
  replaceSecret: boolean;
}

export function emptyCredentialForm(kind: CredentialKind = 'aws'): CredentialForm {
  return {
    name: '',
    kind,
    accessKeyId: '',
    secretAccessKey: '',
    sessionToken: '',
    region: '',
    accountName: '',
    azureSecretKind: 'accountKey',
    azureSecret: '',
    serviceAccountJson: '',
    replaceSecret: true,
  };
}

/** The form to edit a credential: its name and the non-secret parts shown; every secret blank. */
export function credentialFormFor(credential: Credential): CredentialForm {
  return {
    ...emptyCredentialForm(credential.kind),
    name: credential.name,
    region: credential.region ?? '',
    accountName: credential.accountName ?? '',
    replaceSecret: false,
  };
}

/** The secret block of the form's kind, blanks of optional fields left out. */
export function secretInputFromForm(form: CredentialForm): CredentialSecretInput {
  const optional = (key: string, value: string) => (value.trim() ? { [key]: value.trim() } : {});
  switch (form.kind) {
    case 'aws':
      return {
        aws: {
          accessKeyId: form.accessKeyId.trim(),
          secretAccessKey: form.secretAccessKey.trim(),
          ...optional('sessionToken', form.sessionToken),
          ...optional('region', form.region),
        },
      };
    case 'azure':
      return { azure: { accountName: form.accountName.trim(), [form.azureSecretKind]: form.azureSecret.trim() } };
    case 'gcp':
      return { gcp: { serviceAccountJson: form.serviceAccountJson } };
    default:
      return unreachable(form.kind);
  }
}

export function createCredentialInput(tenantId: string, form: CredentialForm): CreateCredentialInput {
  return { tenantId, name: form.name.trim(), ...secretInputFromForm(form) };
}

/** Only what changed: the name when renamed, the whole secret block when replacing it. */
export function updateCredentialInput(credential: Credential, form: CredentialForm): UpdateCredentialInput {
  const name = form.name.trim();
  return {
    ...(name !== credential.name ? { name } : {}),
    ...(form.replaceSecret ? secretInputFromForm({ ...form, kind: credential.kind }) : {}),
  };
}
