import type { LocationKind } from '#schema/agent/LocationTarget';
import { BadUserInputError } from '../errors/errors.ts';
import { listWords } from '../graphql/listWords.ts';
import { validateName } from '../graphql/validateName.ts';
import type { CreateBackupLocationInput, LocationKindBlocks } from './BackupLocationInputs.ts';
import type { LocationColumns } from './providers/LocationProvider.ts';
import { type LocationInputOf, locationKinds, locationProviders } from './providers/locationProviders.ts';
import { validateKeyRef } from './validateKeyRef.ts';
import { validatePrefix } from './validatePrefix.ts';

/** A location as validated from its create input; the credential is checked against the database apart. */
export interface ParsedLocation extends LocationColumns {
  name: string;
  kind: LocationKind;
  prefix: string;
  encryptionKeyRef: string | null;
}

const noColumns: LocationColumns = { bucket: null, region: null, endpoint: null, forcePathStyle: false, path: null };

/**
 * Validates everything of a create input that needs no database, naming each bad field as `input.…`; the
 * kind's block is validated by its provider. A filesystem path must lie under one of `filesystemRoots` when
 * any are configured.
 */
export function parseLocationInput(
  input: CreateBackupLocationInput,
  filesystemRoots: readonly string[] = [],
): ParsedLocation {
  const name = validateName('input.name', input.name);
  const given = locationKinds.filter((kind) => input[kind] != null);
  const [kind] = given;
  if (kind === undefined || given.length > 1) {
    throw new BadUserInputError(
      'input',
      kind === undefined ? `give one of ${listWords(locationKinds, 'or')}` : `give only one of ${given.join(' and ')}`,
    );
  }
  return {
    name,
    kind,
    prefix: validatePrefix('input.prefix', input.prefix),
    encryptionKeyRef:
      input.encryptionKeyRef == null ? null : validateKeyRef('input.encryptionKeyRef', input.encryptionKeyRef),
    ...noColumns,
    ...parseBlock(kind, input, filesystemRoots),
  };
}

function parseBlock<K extends LocationKind>(
  kind: K,
  input: LocationKindBlocks,
  filesystemRoots: readonly string[],
): Partial<LocationColumns> {
  const block: LocationInputOf<K> | null | undefined = input[kind];
  if (block == null) throw new BadUserInputError(`input.${kind}`, 'must be given');
  return locationProviders[kind].parseInput(block, `input.${kind}`, { filesystemRoots });
}
