import type { ApolloServerPlugin } from '@apollo/server';
import { collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';

/** The hub's Prometheus registry: process metrics plus GraphQL operation latency by name and outcome. */
export function createMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'fleetback_hub_' });
  const operations = new Histogram({
    name: 'fleetback_hub_graphql_operation_seconds',
    help: 'GraphQL operations by operation name and outcome',
    labelNames: ['operation', 'outcome'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
  const plugin: ApolloServerPlugin = {
    async requestDidStart() {
      const stop = operations.startTimer();
      return {
        async willSendResponse({ operationName, errors }) {
          stop({ operation: operationName ?? 'anonymous', outcome: errors?.length ? 'error' : 'ok' });
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
