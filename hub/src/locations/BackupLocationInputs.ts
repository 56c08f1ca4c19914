import { type ClassType, Field, ID, InputType } from 'type-graphql';
import type { LocationKind } from '#schema/agent/LocationTarget';
import { listWords } from '../graphql/listWords.ts';
import { BackupLocationKind } from './BackupLocation.ts';
import { kindsUpdating } from './kindsUpdating.ts';
import { type LocationInputOf, locationKinds, locationProviders } from './providers/locationProviders.ts';

/** One optional block per location kind, named after it; the one given sets the kind. */
export type LocationKindBlocks = { [K in LocationKind]?: LocationInputOf<K> | null };

const quotedKinds = listWords(
  locationKinds.map((kind) => `\`${kind}\``),
  'or',
);

/** What the providers say of the credential, as one sentence: when it is required, optional or refused. */
function credentialDescription(): string {
  const uses = locationKinds.map((kind) => locationProviders[kind].credentialUse);
  const required = uses.flatMap((use) => (use.required ? [use.required] : []));
  const optional = uses.flatMap((use) => (use.optional ? [use.optional] : []));
  const none = locationKinds.filter((kind) => locationProviders[kind].credentialKinds.length === 0);
  const parts = [
    required.length > 0 ? `required ${required.join(', and ')}` : '',
    optional.length > 0 ? `optional ${listWords(optional, 'and')}` : '',
    none.length > 0 ? `none for ${listWords(none, 'and')}` : '',
  ];
  return `A credential of the tenant of the matching kind: ${parts.filter(Boolean).join('; ')}.`;
}

@InputType('CreateBackupLocationInput', { description: `Exactly one of ${quotedKinds}; it sets the kind.` })
class CreateBackupLocationFields {
  @Field(() => ID)
  tenantId!: string;

  @Field(() => String, { description: 'DNS label, unique in the tenant.' })
  name!: string;

  @Field(() => String, { defaultValue: '', description: 'Relative key prefix, e.g. `prod/eu`; no `..`.' })
  prefix!: string;

  @Field(() => ID, { nullable: true, description: credentialDescription() })
  credentialId?: string | null;

  @Field(() => String, { nullable: true })
  encryptionKeyRef?: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      "The key that wraps the master key of the location's repository: base64 of 32 random bytes (`openssl rand -base64 32`), for a repository already made with it. Left out, the hub generates one. Sealed at rest and never returned; `rotateLocationKey` changes it.",
  })
  repositoryKey?: string | null;
}

// A field `<kind>` of the kind's input type for every registered kind.
for (const kind of locationKinds) {
  Field(() => locationProviders[kind].input, { nullable: true })(CreateBackupLocationFields.prototype, kind);
}

// The kind fields were just added to the class, which the compiler cannot follow.
export const CreateBackupLocationInput = CreateBackupLocationFields as ClassType<CreateBackupLocationInput>;
export type CreateBackupLocationInput = CreateBackupLocationFields & LocationKindBlocks;

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

  @Field(() => String, { nullable: true, description: `${kindsUpdating('region')} only.` })
  region?: string | null;

  @Field(() => String, {
    nullable: true,
    description: `${kindsUpdating('endpoint')}; a gcs location without a credential keeps its endpoint.`,
  })
  endpoint?: string | null;

  @Field(() => Boolean, { nullable: true, description: `${kindsUpdating('forcePathStyle')} only.` })
  forcePathStyle?: boolean | null;
}

@InputType()
export class BackupLocationFilter {
  @Field(() => BackupLocationKind, { nullable: true })
  kind?: LocationKind | null;

  @Field(() => String, { nullable: true, description: 'Part of the name.' })
  nameContains?: string | null;

  @Field(() => ID, { nullable: true })
  credentialId?: string | null;
}
