import type { ApolloServerPlugin } from '@apollo/server';
import type { FormattedExecutionResult } from 'graphql';
import { ErrorCode } from '../errors/ErrorCode.ts';

/**
 * The largest response the public API sends, as JSON text. The cost limit prices big fields (logs, warning
 * lists) high, so an honest page stays far below it; this is the backstop for what pricing missed.
 */
export const maxResponseLength = 16 * 1024 * 1024;

/**
 * `result` itself when its JSON is at most `maximum` characters long, else a result holding only an error
 * saying so (BAD_USER_INPUT: the caller asks for less), so no caller receives an unbounded answer.
 */
export function limitResponseSize(
  result: FormattedExecutionResult,
  maximum: number = maxResponseLength,
): FormattedExecutionResult {
  const length = JSON.stringify(result).length;
  if (length <= maximum) return result;
  return {
    errors: [
      {
        message: `the response would be ${length} characters long, over the limit of ${maximum}; ask for fewer items or fields per request`,
        extensions: { code: ErrorCode.BAD_USER_INPUT },
      },
    ],
  };
}

/** The Apollo side of `limitResponseSize`. */
export function responseSizePlugin(maximum: number = maxResponseLength): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response }) {
          if (response.body.kind === 'single') response.body.singleResult = limitResponseSize(response.body.singleResult, maximum);
        },
      };
    },
  };
}
