import { createRequire } from 'node:module';
import { type DocumentNode, GraphQLError, type GraphQLSchema } from 'graphql';
import type * as QueryComplexity from 'graphql-query-complexity';
import { ErrorCode } from '../errors/ErrorCode.ts';

// The package's ESM build imports graphql's ESM files while the rest of the process uses graphql's CommonJS
// build (graphql 16 has no exports map), and two graphql copies reject each other's types. Its CommonJS build
// shares ours.
const { getComplexity, fieldExtensionsEstimator, simpleEstimator } = createRequire(import.meta.url)(
  'graphql-query-complexity',
) as typeof QueryComplexity;

export interface CostedOperation {
  schema: GraphQLSchema;
  document: DocumentNode;
  operationName: string | null | undefined;
  variables: Record<string, unknown> | null | undefined;
}

/**
 * Refuses an operation whose estimated cost exceeds `maximum`, before it executes: each field costs 1 (or
 * its `complexity` extension), and a field with a `first` argument multiplies its children by it, so
 * `backups(first: 500) { … }` is priced as 500 items. Checked per request rather than as a validation rule
 * because the cost depends on the variables. Throws a BAD_USER_INPUT GraphQLError.
 */
export function checkCost(operation: CostedOperation, maximum: number): void {
  let cost: number;
  try {
    cost = estimate(operation);
  } catch (error) {
    // The estimator stops counting past `maxFields` fields; such an operation is far over any cost limit.
    if (error instanceof GraphQLError && /maximum allowed number of nodes/.test(error.message)) {
      throw refusal(`the operation selects more than ${maxFields} fields, which exceeds the limit ${maximum}; split it`);
    }
    throw error;
  }
  if (cost > maximum) {
    throw refusal(`the operation's estimated cost ${cost} exceeds the limit ${maximum}; ask for fewer items per page`);
  }
}

/** Fields the estimator walks before giving up. */
const maxFields = 10_000;

function refusal(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: ErrorCode.BAD_USER_INPUT, http: { status: 400 } } });
}

function estimate(operation: CostedOperation): number {
  return getComplexity({
    maxQueryNodes: maxFields,
    schema: operation.schema,
    query: operation.document,
    operationName: operation.operationName ?? undefined,
    variables: operation.variables ?? {},
    estimators: [
      fieldExtensionsEstimator(),
      ({ args, childComplexity }) => (typeof args.first === 'number' ? 1 + childComplexity * args.first : undefined),
      simpleEstimator({ defaultComplexity: 1 }),
    ],
  });
}
