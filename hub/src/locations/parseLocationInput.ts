import { validateRegion } from '../credentials/validateRegion.ts';
import { BadUserInputError } from '../errors/errors.ts';
import { validateName } from '../graphql/validateName.ts';
import type { LocationKindName } from './BackupLocationEntity.ts';
import type { CreateBackupLocationInput } from './BackupLocationInputs.ts';
import { validateBucket } from './validateBucket.ts';
import { validateEndpoint } from './validateEndpoint.ts';
import { validateFilesystemPath } from './validateFilesystemPath.ts';
import { validateKeyRef } from './validateKeyRef.ts';
import { validatePrefix } from './validatePrefix.ts';

/** A location as validated from its create input; the credential is checked against the database apart. */
export interface ParsedLocation {
  name: string;
  kind: LocationKindName;
  bucket: string | null;
  prefix: string;
  region: string | null;
  endpoint: string | null;
  forcePathStyle: boolean;
  path: string | null;
  encryptionKeyRef: string | null;
}

const kinds = ['s3', 'azure', 'gcs', 'filesystem'] as const satisfies readonly LocationKindName[];

/**
 * Validates everything of a create input that needs no database, naming each bad field as `input.…`. A
 * filesystem path must lie under one of `filesystemRoots` when any are configured.
 */
export function parseLocationInput(
  input: CreateBackupLocationInput,
  filesystemRoots: readonly string[] = [],
): ParsedLocation {
  const name = validateName('input.name', input.name);
  const given = kinds.filter((kind) => input[kind] != null);
  if (given.length !== 1) {
    throw new BadUserInputError(
      'input',
      given.length === 0
        ? 'give one of s3, azure, gcs or filesystem'
        : `give only one of ${given.join(' and ')}`,
    );
  }
  const common = {
    name,
    prefix: validatePrefix('input.prefix', input.prefix),
    encryptionKeyRef:
      input.encryptionKeyRef == null
        ? null
        : validateKeyRef('input.encryptionKeyRef', input.encryptionKeyRef),
  };
  const none = { bucket: null, region: null, endpoint: null, forcePathStyle: false, path: null };
  if (input.s3) {
    return {
      ...common,
      kind: 's3',
      bucket: validateBucket('input.s3.bucket', 's3', input.s3.bucket),
      region: input.s3.region == null ? null : validateRegion('input.s3.region', input.s3.region),
      endpoint: input.s3.endpoint == null ? null : validateEndpoint('input.s3.endpoint', input.s3.endpoint),
      forcePathStyle: input.s3.forcePathStyle,
      path: null,
    };
  }
  if (input.azure) {
    return {
      ...common,
      ...none,
      kind: 'azure',
      bucket: validateBucket('input.azure.container', 'azure', input.azure.container),
      endpoint: input.azure.endpoint == null ? null : validateEndpoint('input.azure.endpoint', input.azure.endpoint),
    };
  }
  if (input.gcs) {
    return {
      ...common,
      ...none,
      kind: 'gcs',
      bucket: validateBucket('input.gcs.bucket', 'gcs', input.gcs.bucket),
      endpoint: input.gcs.endpoint == null ? null : validateEndpoint('input.gcs.endpoint', input.gcs.endpoint),
    };
  }
  const filesystem = input.filesystem as NonNullable<CreateBackupLocationInput['filesystem']>;
  return {
    ...common,
    ...none,
    kind: 'filesystem',
    path: validateFilesystemPath('input.filesystem.path', filesystem.path, filesystemRoots),
  };
}
