import { BadUserInputError } from '../errors/errors.ts';

/** Names are at most 253 characters (a DNS subdomain); a longer part of one matches nothing. */
const maxLength = 253;

/**
 * The ORM condition of a `nameContains` filter: a LIKE on the text as given, its wildcards escaped. Text
 * longer than any name is refused rather than sent to the database as a huge pattern.
 */
export function nameContains(field: string, text: string): { $like: string } {
  if (text.length > maxLength) throw new BadUserInputError(field, `must be at most ${maxLength} characters`);
  return { $like: `%${text.replace(/[%_\\]/g, '\\$&')}%` };
}
