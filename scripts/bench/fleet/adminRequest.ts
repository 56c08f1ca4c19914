/** One GraphQL request to the hub's public API as the built-in admin; throws on any GraphQL error. */
export async function adminRequest<T>(hubUrl: string, token: string, query: string, variables: object = {}): Promise<T> {
  const response = await fetch(`${hubUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: T; errors?: unknown[] };
  if (body.errors || !body.data) throw new Error(`${response.status}: ${JSON.stringify(body.errors ?? body)}`);
  return body.data;
}
