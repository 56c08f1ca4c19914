import { ForeignKeyConstraintViolationException } from '@mikro-orm/core';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { ErrorCode } from '../errors/ErrorCode.ts';
import { FleetbackError } from '../errors/errors.ts';

export interface ErrorLogger {
  error(message: string, fields: Record<string, unknown>): void;
}

/**
 * The GraphQL boundary: our typed errors become `extensions.code` with their message; errors graphql itself
 * raised about the request (parse, validation, depth, cost, variables) become BAD_USER_INPUT with their
 * message; anything else is logged with its cause and reaches the client only as a generic INTERNAL. Only
 * `code` and our own caller-safe details ever leave in `extensions`: no stack trace, SQL or secret.
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
    // A GraphQLError with no other error behind it was raised by graphql, Apollo or our own rules about the
    // request itself, before a resolver ran: the caller's to fix, and its message names what is wrong.
    if (original instanceof GraphQLError && !formatted.path) {
      return {
        message: formatted.message,
        locations: formatted.locations,
        extensions: { code: ErrorCode.BAD_USER_INPUT },
      };
    }
    logger.error('unexpected error', {
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
