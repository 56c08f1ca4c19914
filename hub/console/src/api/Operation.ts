/**
 * A GraphQL document with the types of its result and variables attached, so `request(op, vars)` is typed
 * at the call site without code generation. Write the types next to the document, e.g.
 * `defineOperation<{ me: { name: string } }>('query Me { me { name } }')`.
 */
export interface Operation<TData, TVariables extends object = Record<string, never>> {
  readonly document: string;
  /** Never set: carries the types only. */
  readonly types?: { data: TData; variables: TVariables };
}

export function defineOperation<TData, TVariables extends object = Record<string, never>>(
  document: string,
): Operation<TData, TVariables> {
  return { document };
}
