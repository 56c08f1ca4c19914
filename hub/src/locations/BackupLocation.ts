import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import type { LocationKind } from '#schema/agent/LocationTarget';
import { connectionOf } from '../graphql/Connection.ts';
import type { BackupLocationRow } from './BackupLocationEntity.ts';
import { locationKinds, locationProviders } from './providers/locationProviders.ts';

/** The GraphQL enum of the registered location kinds, each value its own name. */
export const BackupLocationKind = Object.fromEntries(locationKinds.map((kind) => [kind, kind]));
registerEnumType(BackupLocationKind, {
  name: 'BackupLocationKind',
  description: `${locationKinds.map((kind) => `${kind}: ${locationProviders[kind].title}`).join('; ')}.`,
});

@ObjectType({ description: 'How the last check of a location from inside a cluster went.' })
export class LocationValidation {
  @Field(() => Date)
  checkedAt!: Date;

  @Field(() => ID, { nullable: true, description: 'The cluster whose agent checked.' })
  clusterId!: string | null;

  @Field(() => Boolean, { description: 'A probe object was written, read back and deleted.' })
  ok!: boolean;

  @Field(() => String, { nullable: true, description: 'What failed and what to check.' })
  error!: string | null;
}

@ObjectType({
  description: 'Where backups are written. Data goes from the agents straight to it, never through the hub.',
})
export class BackupLocation {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  tenantId!: string;

  @Field(() => String)
  name!: string;

  @Field(() => BackupLocationKind)
  kind!: LocationKind;

  @Field(() => String, { nullable: true, description: 'The bucket (s3, gcs) or container (azure).' })
  bucket!: string | null;

  @Field(() => String, { description: 'Where backups start inside the bucket; empty for its root.' })
  prefix!: string;

  @Field(() => String, { nullable: true, description: 's3 only.' })
  region!: string | null;

  @Field(() => String, { nullable: true, description: 's3 only: the URL of an S3-compatible store.' })
  endpoint!: string | null;

  @Field(() => Boolean, { description: 's3 only: address buckets as a path, not a host name.' })
  forcePathStyle!: boolean;

  @Field(() => String, { nullable: true, description: 'filesystem only: an absolute path in the agent.' })
  path!: string | null;

  @Field(() => ID, {
    nullable: true,
    description: 'The credential agents use; none means ambient (e.g. IAM roles).',
  })
  credentialId!: string | null;

  @Field(() => String, { nullable: true, description: 'Names the key that encrypts backup data.' })
  encryptionKeyRef!: string | null;

  @Field(() => Date)
  createdAt!: Date;

  @Field(() => Date)
  updatedAt!: Date;

  @Field(() => LocationValidation, {
    nullable: true,
    description: 'The last check from inside a cluster (Mutation.validateBackupLocation); null before the first.',
  })
  validation!: LocationValidation | null;

  static from(row: BackupLocationRow): BackupLocation {
    return Object.assign(new BackupLocation(), {
      id: row.id,
      tenantId: row.tenantId,
      name: row.name,
      kind: row.kind,
      bucket: row.bucket,
      prefix: row.prefix,
      region: row.region,
      endpoint: row.endpoint,
      forcePathStyle: row.forcePathStyle,
      path: row.path,
      credentialId: row.credentialId,
      encryptionKeyRef: row.encryptionKeyRef,
      createdAt: row.createdAt,
      updatedAt: row.updatedAt,
      validation: row.validatedAt
        ? Object.assign(new LocationValidation(), {
            checkedAt: row.validatedAt,
            clusterId: row.validatedByClusterId,
            ok: row.validationError === null,
            error: row.validationError,
          })
        : null,
    });
  }
}

export const BackupLocationConnection = connectionOf(BackupLocation, 'BackupLocation');
