import { ForeignKeyConstraintViolationException } from '@mikro-orm/core';
import type { GraphQLFormattedError } from 'graphql';
import { ErrorCode } from '../errors/ErrorCode.ts';
import { FleetbackError } from '../errors/errors.ts';

/** Apollo's own codes for requests that never reached a resolver; all are the caller's to fix. */
const requestErrorCodes = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'OPERATION_RESOLUTION_FAILURE',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
]);

export interface ErrorLogger {
  error(message: string, fields: Record<string, unknown>): void;
}

/**
 * The GraphQL boundary: our typed errors become `extensions.code` with their message; request errors become
 * BAD_USER_INPUT; anything else is logged with its cause and reaches the client only as a generic INTERNAL,
 * so no stack, SQL or secret leaks.
 */
export function formatError(logger: ErrorLogger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = (error as { originalError?: unknown } | undefined)?.originalError ?? error;
    if (original instanceof FleetbackError) {
      return {
        message: original.message,
        locations: formatted.locations,
        path: formatted.path,
        extensions: { ...original.details, code: original.code },
      };
    }
    if (original instanceof ForeignKeyConstraintViolationException) {
      // The database's own check behind the resolvers' (which give the precise reason): still CONFLICT, no SQL.
      return {
        message: 'refused: another object still uses this one, or one it names does not exist; check the references and try again',
        locations: formatted.locations,
        path: formatted.path,
        extensions: { code: ErrorCode.CONFLICT },
      };
    }
    const apolloCode = formatted.extensions?.code;
    if (apolloCode === ErrorCode.BAD_USER_INPUT) return formatted;
    if (typeof apolloCode === 'string' && requestErrorCodes.has(apolloCode)) {
      return { ...formatted, extensions: { code: ErrorCode.BAD_USER_INPUT } };
    }
    if (!formatted.path) {
      // Validation rules (depth, cost) raise plain GraphQLErrors before execution: also the caller's to fix.
      return {
        message: formatted.message,
        locations: formatted.locations,
        extensions: { code: ErrorCode.BAD_USER_INPUT },
      };
    }
    logger.error('unexpected error in resolver', {
      path: formatted.path,
      error: String(original),
      stack: (original as Error)?.stack,
    });
    return {
      message: 'internal error; it has been logged — try again, and report it if it persists',
      locations: formatted.locations,
      path: formatted.path,
      extensions: { code: ErrorCode.INTERNAL },
    };
  };
}
