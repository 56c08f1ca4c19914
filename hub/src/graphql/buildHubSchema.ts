import 'reflect-metadata';
import type { GraphQLSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { ApiTokenResolver } from '../access/ApiTokenResolver.ts';
import { MeResolver } from '../access/MeResolver.ts';
import { RoleBindingResolver } from '../access/RoleBindingResolver.ts';
import { ClusterResolver } from '../clusters/ClusterResolver.ts';
import { TenantResolver } from '../tenants/TenantResolver.ts';

/** The public API's schema: every resolver of every domain. `schema/hub.graphql` is its printed form. */
export function buildHubSchema(): Promise<GraphQLSchema> {
  return buildSchema({
    resolvers: [MeResolver, TenantResolver, RoleBindingResolver, ApiTokenResolver, ClusterResolver],
    validate: false,
  });
}
