import { BadUserInputError } from '../errors/errors.ts';

/**
 * Checks a key prefix inside a bucket: relative (no leading `/`), no `.` or `..` segments and no empty ones,
 * so a location can never reach outside its own part of the bucket. A trailing `/` is dropped.
 */
export function validatePrefix(field: string, value: string): string {
  const prefix = value.replace(/\/+$/, '');
  if (prefix === '') return '';
  if (prefix.length > 512) throw new BadUserInputError(field, 'must be at most 512 characters');
  if (prefix.startsWith('/'))
    throw new BadUserInputError(field, 'must not start with `/`; it is relative to the bucket');
  if (/[\\\p{Cc}]/u.test(prefix))
    throw new BadUserInputError(field, 'must not contain `\\` or control characters');
  for (const segment of prefix.split('/')) {
    if (segment === '') throw new BadUserInputError(field, 'must not contain `//`');
    if (segment === '.' || segment === '..')
      throw new BadUserInputError(field, 'must not contain `.` or `..` segments');
  }
  return prefix;
}
