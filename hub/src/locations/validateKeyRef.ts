import { BadUserInputError } from '../errors/errors.ts';

/** Checks a reference to an encryption key (a KMS key id or ARN, a Kubernetes secret name): one short token. */
export function validateKeyRef(field: string, value: string): string {
  const ref = value.trim();
  if (!ref) throw new BadUserInputError(field, 'must not be empty; leave it out for no encryption key');
  if (ref.length > 256) throw new BadUserInputError(field, 'must be at most 256 characters');
  if (/[\s\p{Cc}]/u.test(ref))
    throw new BadUserInputError(field, 'must not contain spaces or control characters');
  return ref;
}
