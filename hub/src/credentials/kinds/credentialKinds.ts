import { awsCredentials } from './aws.ts';
import { azureCredentials } from './azure.ts';
import type { CredentialKindDescriptor } from './CredentialKindDescriptor.ts';
import { gcpCredentials } from './gcp.ts';

/** One line per kind of credential: the kind list is this object's keys. */
const registered = {
  aws: awsCredentials,
  azure: azureCredentials,
  gcp: gcpCredentials,
};

/** Cloud providers a credential can sign in to. */
export type CredentialKindName = keyof typeof registered;

type Parts<K extends CredentialKindName> =
  (typeof registered)[K] extends CredentialKindDescriptor<K, infer Input, infer Secret, infer Payload>
    ? { input: Input; secret: Secret; payload: Payload }
    : never;

/** The write-only part of a credential of kind `K`, as sealed in `sealedSecret`. */
export type CredentialSecretOf<K extends CredentialKindName> = Parts<K>['secret'];
/** What a job payload carries of a credential of kind `K`. */
export type CredentialPayloadOf<K extends CredentialKindName> = Parts<K>['payload'];
/** The GraphQL input block of kind `K`. */
export type CredentialInputOf<K extends CredentialKindName> = Parts<K>['input'];

/** The descriptor of every credential kind, typed per kind so that code keyed by a kind needs no casts. */
export const credentialKindDescriptors: {
  readonly [K in CredentialKindName]: CredentialKindDescriptor<
    K,
    CredentialInputOf<K>,
    CredentialSecretOf<K>,
    CredentialPayloadOf<K>
  >;
} = registered;

/** The kinds, in the registry's order (the API's enum, messages). */
export const credentialKinds = Object.keys(registered).filter((kind): kind is CredentialKindName =>
  Object.hasOwn(registered, kind),
);
