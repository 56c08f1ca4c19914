import type { ApiErrorCode } from './ApiError.ts';
import { unreachable } from '../ui/unreachable.ts';

/** What a person can do about an API error of this kind; shown under the API's own message. */
export function errorAdvice(code: ApiErrorCode): string {
  switch (code) {
    case 'UNAUTHENTICATED':
      return 'Sign in again; if you used a token, check that it is still valid.';
    case 'FORBIDDEN':
      return 'Your role does not allow this. Ask an admin of the tenant for a role binding that does.';
    case 'NOT_FOUND':
      return 'It may have been deleted, or belong to a tenant you cannot see. Reload to see the current state.';
    case 'BAD_USER_INPUT':
      return 'Correct the value the message names and try again.';
    case 'CONFLICT':
      return 'Something with that name exists, or another operation is under way. Choose another name, or wait and retry.';
    case 'INTERNAL':
      return 'The hub ran into a fault. Try again; if it persists, the hub’s log says more.';
    case 'GRAPHQL_VALIDATION_FAILED':
    case 'GRAPHQL_PARSE_FAILED':
      return 'The console and the hub disagree about the API, usually after an upgrade. Reload the page.';
    case 'NETWORK':
      return 'Check that the hub is running and reachable from this browser, then retry.';
    case 'BAD_RESPONSE':
      return 'Something between the browser and the hub answered instead of the hub. Check the proxy, then retry.';
    default:
      return unreachable(code);
  }
}
