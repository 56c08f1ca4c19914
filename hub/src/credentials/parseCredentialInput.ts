import { BadUserInputError } from '../errors/errors.ts';
import { listWords } from '../graphql/listWords.ts';
import type { CredentialKindBlocks } from './CredentialInputs.ts';
import type { CredentialSecret } from './CredentialSecret.ts';
import type { ShownCredentialColumns } from './kinds/CredentialKindDescriptor.ts';
import {
  type CredentialInputOf,
  type CredentialKindName,
  credentialKindDescriptors,
  credentialKinds,
} from './kinds/credentialKinds.ts';

/** What a credential input becomes: the kind, the columns safe to show, and the secret to seal. */
export interface ParsedCredential {
  kind: CredentialKindName;
  shown: ShownCredentialColumns;
  secret: CredentialSecret;
}

const noneShown: ShownCredentialColumns = { region: null, accountName: null, projectId: null, clientEmail: null };

/**
 * Validates the kind block of a create or update input (`prefix` is how the caller named the input, e.g.
 * `input`) with its kind's descriptor. Returns null when no block is given; more than one is an error. No
 * message quotes a secret.
 */
export function parseCredentialInput(prefix: string, input: CredentialKindBlocks): ParsedCredential | null {
  const given = credentialKinds.filter((kind) => input[kind] != null);
  const [kind] = given;
  if (kind === undefined) return null;
  if (given.length > 1) {
    throw new BadUserInputError(prefix, `give only one of ${listWords(credentialKinds, 'or')}, not ${given.join(' and ')}`);
  }
  return parseBlock(kind, input, prefix);
}

function parseBlock<K extends CredentialKindName>(kind: K, input: CredentialKindBlocks, prefix: string): ParsedCredential {
  const block: CredentialInputOf<K> | null | undefined = input[kind];
  if (block == null) throw new BadUserInputError(`${prefix}.${kind}`, 'must be given');
  const { shown, secret } = credentialKindDescriptors[kind].parse(block, `${prefix}.${kind}`);
  // A secret of kind K; the compiler cannot see that a generic K's secret belongs to the union.
  return { kind, shown: { ...noneShown, ...shown }, secret: secret as CredentialSecret };
}
