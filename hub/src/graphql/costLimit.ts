import { GraphQLError, type ValidationContext } from 'graphql';
import { createComplexityRule, fieldExtensionsEstimator, simpleEstimator } from 'graphql-query-complexity';

/**
 * A validation rule bounding an operation's estimated cost: each field costs 1, and a list field's
 * children are multiplied by its `first` argument, so `backups(first: 500) { … }` is priced as 500 items.
 */
export function costLimit(maximumComplexity: number, variables: Record<string, unknown> = {}) {
  return (context: ValidationContext) =>
    createComplexityRule({
      maximumComplexity,
      variables,
      estimators: [
        fieldExtensionsEstimator(),
        ({ args, childComplexity }) =>
          typeof args.first === 'number' ? 1 + childComplexity * args.first : undefined,
        simpleEstimator({ defaultComplexity: 1 }),
      ],
      createError: (max, actual) =>
        new GraphQLError(
          `the operation's estimated cost ${actual} exceeds the limit ${max}; ask for fewer items per page`,
        ),
    })(context);
}
