import { Kind, type OperationDefinitionNode, parse } from 'graphql';

/**
 * Root fields a caller without a token may ask for: what a sign-in page needs before anyone is signed in.
 * Everything else answers UNAUTHENTICATED without a bearer token. Keep this list short and its fields free of
 * tenant data; `test/hub/authorizationMatrix.test.ts` marks each one `public`.
 */
export const anonymousRootFields: ReadonlySet<string> = new Set(['signInOptions', '__typename']);

/**
 * True when an HTTP request body is one GraphQL query whose selected operation asks only for
 * `anonymousRootFields`, each as a plain field (no fragments at the root, so nothing else can hide there).
 * Anything unparsable, a mutation or subscription, or a batch is not anonymous and goes through sign-in.
 */
export function isAnonymousOperation(body: unknown): boolean {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return false;
  const { query, operationName } = body as { query?: unknown; operationName?: unknown };
  if (typeof query !== 'string') return false;
  let operations: OperationDefinitionNode[];
  try {
    operations = parse(query).definitions.filter(
      (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION,
    );
  } catch {
    return false;
  }
  const operation =
    typeof operationName === 'string' && operationName
      ? operations.find((o) => o.name?.value === operationName)
      : operations.length === 1
        ? operations[0]
        : undefined;
  if (!operation || operation.operation !== 'query') return false;
  return operation.selectionSet.selections.every(
    (s) => s.kind === Kind.FIELD && anonymousRootFields.has(s.name.value),
  );
}
