/**
 * Codes an `ApiError` carries: the hub's `extensions.code` values (README, "Errors carry `extensions.code`"),
 * GraphQL's own validation codes, and two of the console's for failures before the hub could answer.
 */
export type ApiErrorCode =
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'BAD_USER_INPUT'
  | 'CONFLICT'
  | 'INTERNAL'
  | 'GRAPHQL_VALIDATION_FAILED'
  | 'GRAPHQL_PARSE_FAILED'
  /** The hub could not be reached (network, hub down). */
  | 'NETWORK'
  /** The hub answered something that is not a GraphQL response (a proxy's error page, say). */
  | 'BAD_RESPONSE';

const knownCodes: ReadonlySet<string> = new Set<ApiErrorCode>([
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'BAD_USER_INPUT',
  'CONFLICT',
  'INTERNAL',
  'GRAPHQL_VALIDATION_FAILED',
  'GRAPHQL_PARSE_FAILED',
  'NETWORK',
  'BAD_RESPONSE',
]);

/** One error of a GraphQL response, as the hub sends it. */
export interface GraphqlErrorBody {
  message: string;
  extensions?: { code?: string; field?: string } & Record<string, unknown>;
}

/**
 * A failed API call. `message` is the API's own message, shown as it is; `code` says what kind of failure
 * it was (and so what the user can do, see `errorAdvice`); `field` names the offending input, when the API
 * names one.
 */
export class ApiError extends Error {
  override readonly name = 'ApiError';

  constructor(
    message: string,
    readonly code: ApiErrorCode,
    readonly field?: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }

  /** The first error of a GraphQL response; an unknown or missing code counts as INTERNAL. */
  static fromGraphql(error: GraphqlErrorBody): ApiError {
    const raw = error.extensions?.code;
    const code = typeof raw === 'string' && knownCodes.has(raw) ? (raw as ApiErrorCode) : 'INTERNAL';
    const field = typeof error.extensions?.field === 'string' ? error.extensions.field : undefined;
    return new ApiError(error.message || 'the hub reported an error without a message', code, field);
  }
}

/** Any thrown value as an ApiError, so screens show every failure the same way. */
export function toApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new ApiError(message, 'INTERNAL', undefined, { cause: error });
}
