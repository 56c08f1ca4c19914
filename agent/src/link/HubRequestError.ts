/** A GraphQL error the hub answered an agent request with; `code` is its `extensions.code`. */
export class HubRequestError extends Error {
  override readonly name = 'HubRequestError';

  constructor(
    message: string,
    readonly code: string | undefined,
  ) {
    super(message);
  }
}
