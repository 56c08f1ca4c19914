import { createRequire } from 'node:module';
import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError } from 'graphql';
import type * as QueryComplexity from 'graphql-query-complexity';
import { ErrorCode } from '../errors/ErrorCode.ts';

// The package's ESM build imports graphql's ESM files while the rest of the process uses graphql's CommonJS
// build (graphql 16 has no exports map), and two graphql copies reject each other's types. Its CommonJS build
// shares ours.
const { getComplexity, fieldExtensionsEstimator, simpleEstimator } = createRequire(import.meta.url)(
  'graphql-query-complexity',
) as typeof QueryComplexity;

/**
 * Refuses operations whose estimated cost exceeds `maximum` before they execute: each field costs 1, and a
 * field with a `first` argument multiplies its children by it, so `backups(first: 500) { … }` is priced as
 * 500 items. A plugin rather than a validation rule because the cost depends on the request's variables.
 */
export function costLimit(maximum: number): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document, schema }) {
          const cost = getComplexity({
            schema,
            query: document,
            operationName: request.operationName ?? undefined,
            variables: request.variables ?? {},
            estimators: [
              fieldExtensionsEstimator(),
              ({ args, childComplexity }) =>
                typeof args.first === 'number' ? 1 + childComplexity * args.first : undefined,
              simpleEstimator({ defaultComplexity: 1 }),
            ],
          });
          if (cost > maximum) {
            throw new GraphQLError(
              `the operation's estimated cost ${cost} exceeds the limit ${maximum}; ask for fewer items per page`,
              { extensions: { code: ErrorCode.BAD_USER_INPUT, http: { status: 400 } } },
            );
          }
        },
      };
    },
  };
}
