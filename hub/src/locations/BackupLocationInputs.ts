import { Field, ID, InputType } from 'type-graphql';
import { BackupLocationKind } from './BackupLocation.ts';
import type { LocationKindName } from './BackupLocationEntity.ts';

@InputType()
export class S3LocationInput {
  @Field(() => String)
  bucket!: string;

  @Field(() => String, { nullable: true })
  region?: string | null;

  @Field(() => String, { nullable: true, description: 'For S3-compatible stores: http(s)://host[:port].' })
  endpoint?: string | null;

  @Field(() => Boolean, { defaultValue: false })
  forcePathStyle!: boolean;
}

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

@InputType()
export class FilesystemLocationInput {
  @Field(() => String, { description: 'Absolute path, as mounted into the agent.' })
  path!: string;
}

@InputType({ description: 'Exactly one of `s3`, `azure`, `gcs` or `filesystem`; it sets the kind.' })
export class CreateBackupLocationInput {
  @Field(() => ID)
  tenantId!: string;

  @Field(() => String, { description: 'DNS label, unique in the tenant.' })
  name!: string;

  @Field(() => String, { defaultValue: '', description: 'Relative key prefix, e.g. `prod/eu`; no `..`.' })
  prefix!: string;

  @Field(() => S3LocationInput, { nullable: true })
  s3?: S3LocationInput | null;

  @Field(() => AzureLocationInput, { nullable: true })
  azure?: AzureLocationInput | null;

  @Field(() => GcsLocationInput, { nullable: true })
  gcs?: GcsLocationInput | null;

  @Field(() => FilesystemLocationInput, { nullable: true })
  filesystem?: FilesystemLocationInput | null;

  @Field(() => ID, {
    nullable: true,
    description:
      "A credential of the tenant of the matching kind: required for azure, and for gcs without an endpoint; optional for s3 (the agent's ambient identity) and for gcs with an endpoint (unauthenticated requests); none for filesystem.",
  })
  credentialId?: string | null;

  @Field(() => String, { nullable: true })
  encryptionKeyRef?: string | null;
}

@InputType({
  description:
    'Fields left out stay as they are; null clears an optional one. Bucket, prefix and path cannot change: backups already written there would be lost to the catalog.',
})
export class UpdateBackupLocationInput {
  @Field(() => String, { nullable: true })
  name?: string | null;

  @Field(() => ID, { nullable: true })
  credentialId?: string | null;

  @Field(() => String, { nullable: true })
  encryptionKeyRef?: string | null;

  @Field(() => String, { nullable: true, description: 's3 only.' })
  region?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 's3, azure and gcs; a gcs location without a credential keeps its endpoint.',
  })
  endpoint?: string | null;

  @Field(() => Boolean, { nullable: true, description: 's3 only.' })
  forcePathStyle?: boolean | null;
}

@InputType()
export class BackupLocationFilter {
  @Field(() => BackupLocationKind, { nullable: true })
  kind?: LocationKindName | null;

  @Field(() => String, { nullable: true, description: 'Part of the name.' })
  nameContains?: string | null;

  @Field(() => ID, { nullable: true })
  credentialId?: string | null;
}
