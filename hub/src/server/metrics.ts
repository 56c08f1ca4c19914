import type { ApolloServerPlugin } from '@apollo/server';
import { type GraphQLSchema, Kind, type OperationDefinitionNode } from 'graphql';
import { collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';

/** The label of operations that are not one known root field (several, a fragment, or not parsed). */
export const otherOperation = 'other';

/**
 * The `operation` label of a request: its root field when it asks for exactly one field of the schema's
 * operations (`backups`, `createBackup`), else `other`. Never the client's `operationName`: a label value a
 * caller chooses would let anyone grow /metrics without bound.
 */
export function operationLabel(schema: GraphQLSchema, operation: OperationDefinitionNode | null | undefined): string {
  const [only, ...rest] = operation?.selectionSet.selections ?? [];
  if (!operation || !only || rest.length > 0 || only.kind !== Kind.FIELD) return otherOperation;
  const root =
    operation.operation === 'query'
      ? schema.getQueryType()
      : operation.operation === 'mutation'
        ? schema.getMutationType()
        : schema.getSubscriptionType();
  const name = only.name.value;
  return root?.getFields()[name] ? name : otherOperation;
}

/** The hub's Prometheus registry: process metrics plus GraphQL operation latency by root field and outcome. */
export function createMetrics(schema: GraphQLSchema) {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'fleetback_hub_' });
  const operations = new Histogram({
    name: 'fleetback_hub_graphql_operation_seconds',
    help: 'GraphQL operations by root field (`other` for several or unknown) and outcome',
    labelNames: ['operation', 'outcome'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
  const plugin: ApolloServerPlugin = {
    async requestDidStart() {
      const stop = operations.startTimer();
      return {
        async willSendResponse({ operation, errors }) {
          stop({ operation: operationLabel(schema, operation), outcome: errors?.length ? 'error' : 'ok' });
        },
      };
    },
  };
  const schedulerLeader = new Gauge({
    name: 'fleetback_hub_scheduler_leader',
    help: '1 while this replica leads the scheduler (holds the advisory lock on PostgreSQL), else 0',
    registers: [registry],
  });
  return { registry, plugin, schedulerLeader };
}
