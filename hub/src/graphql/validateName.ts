import { BadUserInputError } from '../errors/errors.ts';

const dnsLabel = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

/**
 * Checks a name that becomes (part of) a Kubernetes name or a storage path: an RFC 1123 label of at most
 * `maxLength` characters. Returns it unchanged so callers can validate inline.
 */
export function validateName(field: string, value: string, maxLength = 63): string {
  if (value.length === 0) throw new BadUserInputError(field, 'must not be empty');
  if (value.length > maxLength) throw new BadUserInputError(field, `must be at most ${maxLength} characters`);
  if (!dnsLabel.test(value)) {
    throw new BadUserInputError(
      field,
      `'${value}' must consist of lower-case letters, digits and '-', and start and end with a letter or digit`,
    );
  }
  return value;
}

/** Checks Kubernetes-style labels: keys with an optional DNS prefix, values of at most 63 characters. */
export function validateLabels(field: string, labels: Record<string, string>): Record<string, string> {
  const key = /^([a-z0-9]([-a-z0-9.]*[a-z0-9])?\/)?[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?$/;
  const value = /^([A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?)?$/;
  for (const [k, v] of Object.entries(labels)) {
    if (!key.test(k)) throw new BadUserInputError(`${field}.${k}`, 'is not a valid label key');
    if (typeof v !== 'string' || !value.test(v))
      throw new BadUserInputError(`${field}.${k}`, 'is not a valid label value');
  }
  return labels;
}
