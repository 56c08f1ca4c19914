import type { ErrorRequestHandler } from 'express';
import { ErrorCode } from '../errors/ErrorCode.ts';
import type { Logger } from '../logging/Logger.ts';

/** What a body parser's error `type` means, said so the caller can fix the request. */
const bodyProblems: Record<string, string> = {
  'entity.parse.failed': 'the request body is not valid JSON',
  'entity.too.large': 'the request body is larger than the hub accepts (1 MB)',
  'entity.verify.failed': 'the request body could not be verified',
  'encoding.unsupported': 'the request body has an unsupported content encoding',
  'charset.unsupported': 'the request body has an unsupported charset; send UTF-8',
  'request.aborted': 'the request was aborted while its body was read',
  'request.size.invalid': 'the request body is shorter or longer than its Content-Length',
};

/**
 * The last Express handler: turns an error a middleware passed on (a malformed or oversized body, an asset
 * that does not exist) into a GraphQL-style JSON error with a code, instead of Express's HTML page with a
 * stack trace. Other errors are logged and answered with a generic INTERNAL.
 */
export function jsonErrorHandler(logger: Logger): ErrorRequestHandler {
  return (error: unknown, _req, res, next) => {
    if (res.headersSent) {
      next(error);
      return;
    }
    const { status, type } = (error ?? {}) as { status?: unknown; type?: unknown };
    const known = typeof type === 'string' ? bodyProblems[type] : undefined;
    if (typeof status === 'number' && status >= 400 && status < 500) {
      const code = status === 404 ? ErrorCode.NOT_FOUND : ErrorCode.BAD_USER_INPUT;
      const message = known ?? (status === 404 ? 'not found' : 'the request is not acceptable');
      res.status(status).json({ errors: [{ message, extensions: { code } }] });
      return;
    }
    logger.error({ err: error }, 'unexpected error in an HTTP handler');
    res.status(500).json({
      errors: [{ message: 'internal error; it has been logged', extensions: { code: ErrorCode.INTERNAL } }],
    });
  };
}
