/** Sign-in at the identity provider did not complete; the message says why and is shown as it is. */
export class SignInError extends Error {
  override readonly name = 'SignInError';
}
