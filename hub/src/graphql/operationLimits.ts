import type { ApolloServerPlugin } from '@apollo/server';
import {
  type DocumentNode,
  type ExecutionArgs,
  GraphQLError,
  type GraphQLSchema,
  parse,
  specifiedRules,
  validate,
} from 'graphql';
import type { SubscribePayload } from 'graphql-ws';
import { checkCost } from './costLimit.ts';
import { depthLimit } from './depthLimit.ts';
import { refuseNulCharacters } from './refuseNulCharacters.ts';

/** How big an operation may be; the same on every transport of an endpoint. */
export interface OperationLimits {
  /** Fields nested deeper than this are refused (see `depthLimit`). */
  maxDepth: number;
  /** Operations estimated costlier than this are refused (see `checkCost`). */
  maxCost: number;
}

/** The public API's limits, over HTTP and graphql-ws alike. */
export const publicApiLimits: OperationLimits = { maxDepth: 12, maxCost: 20_000 };

/** The agent link's limits: its operations are flat and fetch single objects. */
export const agentLinkLimits: OperationLimits = { maxDepth: 6, maxCost: 500 };

/** The limits that need the request's variables, checked once the operation is known. */
function checkResolved(schema: GraphQLSchema, document: DocumentNode, payload: Partial<SubscribePayload>, limits: OperationLimits) {
  checkCost({ schema, document, operationName: payload.operationName, variables: payload.variables }, limits.maxCost);
  refuseNulCharacters(document, payload.variables);
}

/** The Apollo side: depth goes in `validationRules`, this plugin checks cost and NUL characters. */
export function operationLimitsPlugin(limits: OperationLimits): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document, schema }) {
          checkResolved(schema, document, request, limits);
        },
      };
    },
  };
}

/**
 * The graphql-ws side, as its `onSubscribe` hook: parses and validates the operation with the same depth
 * rule, then checks cost and NUL characters, so a query or subscription refused over HTTP is refused here
 * with the same errors and never runs.
 */
export function admitOperation(schema: GraphQLSchema, limits: OperationLimits) {
  return (_ctx: unknown, _id: string, payload: SubscribePayload): ExecutionArgs | readonly GraphQLError[] => {
    let document: DocumentNode;
    try {
      document = parse(payload.query);
    } catch (error) {
      return [error instanceof GraphQLError ? error : new GraphQLError('the operation does not parse')];
    }
    const invalid = validate(schema, document, [...specifiedRules, depthLimit(limits.maxDepth)]);
    if (invalid.length > 0) return invalid;
    try {
      checkResolved(schema, document, payload, limits);
    } catch (error) {
      if (error instanceof GraphQLError) return [error];
      throw error;
    }
    return { schema, document, operationName: payload.operationName, variableValues: payload.variables };
  };
}
