import { BadUserInputError } from '../errors/errors.ts';

/**
 * Checks the URL of an S3-compatible store: http or https, no user info (keys belong in a credential, where
 * they are encrypted), no query or fragment. Returns it without a trailing slash.
 */
export function validateEndpoint(field: string, value: string): string {
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    throw new BadUserInputError(field, 'must be a URL such as https://s3.example.com:9000');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new BadUserInputError(field, 'must be an http or https URL');
  }
  // Not echoed: a URL with user info may carry a key.
  if (url.username || url.password) {
    throw new BadUserInputError(field, 'must not contain a user or password; put keys in a credential');
  }
  if (url.search || url.hash) throw new BadUserInputError(field, 'must not have a query or fragment');
  return url.href.replace(/\/+$/, '');
}
