import { type DocumentNode, GraphQLError, Kind, visit } from 'graphql';
import { ErrorCode } from '../errors/ErrorCode.ts';

/**
 * Refuses an operation carrying a NUL character in any string, literal or variable. No text column holds one
 * (PostgreSQL rejects it), so without this check it fails deep inside a query as an INTERNAL error instead
 * of the caller's BAD_USER_INPUT. Throws a BAD_USER_INPUT GraphQLError.
 */
export function refuseNulCharacters(document: DocumentNode, variables: unknown): void {
  let found = false;
  visit(document, {
    [Kind.STRING](node) {
      if (node.value.includes('\u0000')) found = true;
    },
  });
  if (found || containsNul(variables)) {
    throw new GraphQLError('text in the operation must not contain NUL characters (\\u0000)', {
      extensions: { code: ErrorCode.BAD_USER_INPUT, http: { status: 400 } },
    });
  }
}

function containsNul(value: unknown): boolean {
  if (typeof value === 'string') return value.includes('\u0000');
  if (Array.isArray(value)) return value.some(containsNul);
  if (typeof value === 'object' && value !== null) {
    return Object.entries(value).some(([key, inner]) => key.includes('\u0000') || containsNul(inner));
  }
  return false;
}
