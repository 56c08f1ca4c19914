// Its input class is declared when a registry is loaded, which may come before the GraphQL schema is built.
import 'reflect-metadata';
import { Field, InputType } from 'type-graphql';
import { parseServiceAccountJson } from '../parseServiceAccountJson.ts';
import type { CredentialKindDescriptor } from './CredentialKindDescriptor.ts';

@InputType({ description: 'A Google Cloud service-account key.' })
export class GcpCredentialInput {
  @Field(() => String, {
    description: 'The key file as downloaded: JSON with `client_email` and `private_key`.',
  })
  serviceAccountJson!: string;
}

/** A Google Cloud service-account key. */
export const gcpCredentials: CredentialKindDescriptor<
  'gcp',
  GcpCredentialInput,
  { kind: 'gcp'; serviceAccountJson: string },
  { projectId: string | null; serviceAccountJson: string }
> = {
  kind: 'gcp',
  title: 'Google Cloud Storage',
  input: GcpCredentialInput,
  parse(gcp, prefix) {
    const account = parseServiceAccountJson(`${prefix}.serviceAccountJson`, gcp.serviceAccountJson);
    return {
      shown: { projectId: account.projectId, clientEmail: account.clientEmail },
      secret: { kind: 'gcp', serviceAccountJson: account.json },
    };
  },
  payload: (secret, row) => ({ projectId: row.projectId ?? null, serviceAccountJson: secret.serviceAccountJson }),
};
