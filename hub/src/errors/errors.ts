import { ErrorCode } from './ErrorCode.ts';

/** Base of every error the hub raises on purpose. The message is safe to show to the caller. */
export abstract class FleetbackError extends Error {
  abstract readonly code: ErrorCode;
  /** Extra, caller-safe details that become GraphQL `extensions` (e.g. the offending field). */
  readonly details: Record<string, unknown>;

  constructor(message: string, options?: { cause?: unknown; details?: Record<string, unknown> }) {
    super(message, { cause: options?.cause });
    this.details = options?.details ?? {};
  }
}

/** No or invalid credentials: sign in again or present a valid token. */
export class UnauthenticatedError extends FleetbackError {
  override readonly name = 'UnauthenticatedError';
  readonly code = ErrorCode.UNAUTHENTICATED;
}

/** The caller is known but its role does not allow the operation. */
export class ForbiddenError extends FleetbackError {
  override readonly name = 'ForbiddenError';
  readonly code = ErrorCode.FORBIDDEN;
}

/** The object does not exist, or exists where the caller cannot see it (the two are not told apart). */
export class NotFoundError extends FleetbackError {
  override readonly name = 'NotFoundError';
  readonly code = ErrorCode.NOT_FOUND;

  constructor(kind: string, id: string) {
    super(`${kind} '${id}' was not found`, { details: { kind, id } });
  }
}

/** An input value is invalid; `field` names it as the caller wrote it, e.g. `input.name`. */
export class BadUserInputError extends FleetbackError {
  override readonly name = 'BadUserInputError';
  readonly code = ErrorCode.BAD_USER_INPUT;

  constructor(
    readonly field: string,
    problem: string,
  ) {
    super(`${field}: ${problem}`, { details: { field } });
  }
}

/** The operation collides with existing state (a duplicate name, a used token, a running job). */
export class ConflictError extends FleetbackError {
  override readonly name = 'ConflictError';
  readonly code = ErrorCode.CONFLICT;
}

/** The caller failed too often (e.g. authentication) and must wait before trying again. */
export class TooManyRequestsError extends FleetbackError {
  override readonly name = 'TooManyRequestsError';
  readonly code = ErrorCode.TOO_MANY_REQUESTS;
}

/** A fault of the hub itself; its message is generic and the cause is logged, never sent. */
export class InternalError extends FleetbackError {
  override readonly name = 'InternalError';
  readonly code = ErrorCode.INTERNAL;
}
