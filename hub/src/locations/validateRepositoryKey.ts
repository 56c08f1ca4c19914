import { checkRepositoryKeyText } from '#schema/agent/repositoryKeyText';
import { BadUserInputError } from '../errors/errors.ts';

/**
 * Checks a repository key a user supplies: base64 of 32 bytes (`openssl rand -base64 32`). The message never
 * quotes the value, which is a secret.
 */
export function validateRepositoryKey(field: string, value: string): string {
  const key = value.trim();
  const problem = checkRepositoryKeyText(key);
  if (problem) throw new BadUserInputError(field, `${problem} (base64 of 32 random bytes, as \`openssl rand -base64 32\` prints)`);
  return key;
}
