// Its input class is declared when a registry is loaded, which may come before the GraphQL schema is built.
import 'reflect-metadata';
import { Field, InputType } from 'type-graphql';
import { validateBucket } from '../validateBucket.ts';
import { validateEndpoint } from '../validateEndpoint.ts';
import type { LocationProvider } from './LocationProvider.ts';

@InputType()
export class GcsLocationInput {
  @Field(() => String)
  bucket!: string;

  @Field(() => String, {
    nullable: true,
    description:
      'API endpoint for private endpoints or emulators; default Google. With an endpoint the credential is optional: without one, agents send unauthenticated requests.',
  })
  endpoint?: string | null;
}

const bucketNaming = {
  pattern: /^[a-z0-9][a-z0-9._-]{1,220}[a-z0-9]$/,
  rule: '3 to 222 lower-case letters, digits, `.`, `_` and `-`, starting and ending with a letter or digit',
};

/**
 * A Google Cloud Storage bucket. Needs a credential unless it names an endpoint (an emulator, or a private
 * endpoint that authenticates at the network layer), to which the agent then sends unauthenticated requests.
 */
export const gcsLocation: LocationProvider<'gcs', GcsLocationInput> = {
  kind: 'gcs',
  title: 'Google Cloud Storage',
  input: GcsLocationInput,
  parseInput: (gcs, field) => ({
    bucket: validateBucket(`${field}.bucket`, gcs.bucket, bucketNaming),
    endpoint: gcs.endpoint == null ? null : validateEndpoint(`${field}.endpoint`, gcs.endpoint),
  }),
  credentialKinds: ['gcp'],
  credentialUse: {
    required: 'for gcs without an endpoint',
    optional: 'for gcs with an endpoint (unauthenticated requests)',
  },
  missingCredentialProblem: (endpoint) =>
    endpoint === null
      ? 'gcs locations need a credential of kind gcp, unless they name an endpoint that takes ' +
        'unauthenticated requests (an emulator, or a private endpoint that authenticates at the network layer)'
      : null,
  updatable: ['endpoint'],
  target: (row, credential) => ({
    kind: 'gcs',
    bucket: row.bucket ?? '',
    prefix: row.prefix,
    endpoint: row.endpoint ?? null,
    credential: credential?.kind === 'gcp' ? credential.payload : null,
  }),
};
