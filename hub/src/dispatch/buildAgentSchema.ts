import 'reflect-metadata';
import type { GraphQLSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { hubPubSub } from '../graphql/hubPubSub.ts';
import { AgentResolver } from './AgentResolver.ts';

/** The agent link's schema, served on `/agent`. `schema/agent.graphql` is its printed form. */
export function buildAgentSchema(): Promise<GraphQLSchema> {
  // type-graphql insists on a PubSub; the one subscription feeds from the dispatcher, never from it.
  return buildSchema({ resolvers: [AgentResolver], pubSub: hubPubSub, validate: false });
}
