// Its input class is declared when a registry is loaded, which may come before the GraphQL schema is built.
import 'reflect-metadata';
import { Field, InputType } from 'type-graphql';
import { validateBucket } from '../validateBucket.ts';
import { validateEndpoint } from '../validateEndpoint.ts';
import type { LocationProvider } from './LocationProvider.ts';

@InputType()
export class AzureLocationInput {
  @Field(() => String)
  container!: string;

  @Field(() => String, {
    nullable: true,
    description: 'Blob service URL for sovereign clouds, private endpoints or emulators; default from the account.',
  })
  endpoint?: string | null;
}

const containerNaming = {
  pattern: /^(?!.*--)[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$/,
  rule: '3 to 63 lower-case letters, digits and single `-`, starting and ending with a letter or digit',
};

/** An Azure Blob Storage container; always with a credential, the hub cannot count on an ambient identity. */
export const azureLocation: LocationProvider<'azure', AzureLocationInput> = {
  kind: 'azure',
  title: 'Azure Blob',
  input: AzureLocationInput,
  parseInput: (azure, field) => ({
    bucket: validateBucket(`${field}.container`, azure.container, containerNaming),
    endpoint: azure.endpoint == null ? null : validateEndpoint(`${field}.endpoint`, azure.endpoint),
  }),
  credentialKinds: ['azure'],
  credentialUse: { required: 'for azure' },
  missingCredentialProblem: () => 'azure locations need a credential of kind azure',
  updatable: ['endpoint'],
  target: (row, credential) => ({
    kind: 'azure',
    container: row.bucket ?? '',
    prefix: row.prefix,
    endpoint: row.endpoint ?? null,
    credential: credential?.kind === 'azure' ? credential.payload : null,
  }),
};
