import type { CredentialKind } from '../../api/hubEnums.ts';
import { kindLabels } from '../../ui/kindLabels.ts';
import type { CredentialKindView } from '../CredentialKindView.ts';
import { aws } from './aws.tsx';
import { azure } from './azure.tsx';
import { gcp } from './gcp.tsx';

const views = { aws, azure, gcp };

/** Each kind's secret block as its form holds it. */
export type CredentialSecretForms = { [K in CredentialKind]: (typeof views)[K]['blank'] };

/** Each kind's block as the API takes it (schema `AwsCredentialInput` and its siblings). */
export type CredentialSecretBlocks = { [K in CredentialKind]: ReturnType<(typeof views)[K]['input']> };

/**
 * The console's view of every credential kind the API has (`CredentialKind` is generated from it): the compiler
 * refuses a kind without one. Typed per key so that a kind's view takes its own block (see `secretBinding`).
 */
export const credentialKinds: { [K in CredentialKind]: CredentialKindView<CredentialSecretForms[K], CredentialSecretBlocks[K]> } =
  views;

export const credentialKindLabels = kindLabels(credentialKinds);
