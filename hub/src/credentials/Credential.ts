import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { connectionOf } from '../graphql/Connection.ts';
import type { CredentialRow } from './CredentialEntity.ts';
import { type CredentialKindName, credentialKindDescriptors, credentialKinds } from './kinds/credentialKinds.ts';

/** The GraphQL enum of the registered credential kinds, each value its own name. */
export const CredentialKind = Object.fromEntries(credentialKinds.map((kind) => [kind, kind]));
registerEnumType(CredentialKind, {
  name: 'CredentialKind',
  description: `${credentialKinds.map((kind) => `${kind}: ${credentialKindDescriptors[kind].title}`).join('; ')}.`,
});

@ObjectType({
  description:
    'Cloud credentials of a tenant, used by its backup locations. Secrets are write-only: they are stored encrypted and never returned.',
})
export class Credential {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  tenantId!: string;

  @Field(() => String)
  name!: string;

  @Field(() => CredentialKind)
  kind!: CredentialKindName;

  @Field(() => String, { nullable: true, description: 'aws: the default region, when given.' })
  region!: string | null;

  @Field(() => String, { nullable: true, description: 'azure: the storage account.' })
  accountName!: string | null;

  @Field(() => String, { nullable: true, description: 'gcp: the project of the service account.' })
  projectId!: string | null;

  @Field(() => String, { nullable: true, description: 'gcp: the service account.' })
  clientEmail!: string | null;

  @Field(() => [String], {
    description: 'Which secret fields hold a value (e.g. `secretAccessKey`), never their values.',
  })
  secretFields!: string[];

  @Field(() => Date)
  createdAt!: Date;

  @Field(() => Date, { description: 'When the credential, or its secret, last changed.' })
  updatedAt!: Date;

  /** Copies the visible columns one by one, so a column added to the entity is not shown by accident. */
  static from(row: CredentialRow): Credential {
    return Object.assign(new Credential(), {
      id: row.id,
      tenantId: row.tenantId,
      name: row.name,
      kind: row.kind,
      region: row.region,
      accountName: row.accountName,
      projectId: row.projectId,
      clientEmail: row.clientEmail,
      secretFields: row.secretFields,
      createdAt: row.createdAt,
      updatedAt: row.updatedAt,
    });
  }
}

export const CredentialConnection = connectionOf(Credential, 'Credential');
