import { BadUserInputError } from '../../errors/errors.ts';

/** A trimmed secret of one token; the message names the problem, never the value. */
export function secretText(field: string, value: string, maxLength: number): string {
  const text = value.trim();
  if (!text) throw new BadUserInputError(field, 'must not be empty');
  if (text.length > maxLength) throw new BadUserInputError(field, `must be at most ${maxLength} characters`);
  if (/\s/.test(text)) throw new BadUserInputError(field, 'must not contain spaces or line breaks');
  return text;
}
