import { WireError } from '#schema/contracts/WireError';
import { BadUserInputError } from '../errors/errors.ts';

/**
 * Runs a spec parser from schema/ on GraphQL input, turning its `WireError` into the hub's BAD_USER_INPUT
 * with the field named as the caller wrote it (`input.labelSelectors[1]`).
 */
export function parseSpecInput<T>(prefix: string, parse: () => T): T {
  try {
    return parse();
  } catch (error) {
    if (error instanceof WireError) throw new BadUserInputError(`${prefix}.${error.field}`, error.problem);
    throw error;
  }
}
