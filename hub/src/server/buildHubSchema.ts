import 'reflect-metadata';
import type { GraphQLSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { ApiTokenResolver } from '../access/ApiTokenResolver.ts';
import { MeResolver } from '../access/MeResolver.ts';
import { RoleBindingResolver } from '../access/RoleBindingResolver.ts';
import { UserResolver } from '../access/UserResolver.ts';
import { BackupResolver } from '../backups/BackupResolver.ts';
import { ClusterResolver } from '../clusters/ClusterResolver.ts';
import { CredentialResolver } from '../credentials/CredentialResolver.ts';
import { InventoryResolver } from '../inventory/InventoryResolver.ts';
import { JobResolver } from '../jobs/JobResolver.ts';
import { BackupLocationResolver } from '../locations/BackupLocationResolver.ts';
import { SchedulePolicyResolver } from '../policies/SchedulePolicyResolver.ts';
import { RestoreResolver } from '../restores/RestoreResolver.ts';
import { AdminTokenResolver } from '../auth/AdminTokenResolver.ts';
import { SignInOptionsResolver } from '../auth/SignInOptionsResolver.ts';
import { RuleResolver } from '../rules/RuleResolver.ts';
import { BackupScheduleResolver } from '../schedules/BackupScheduleResolver.ts';
import { TenantResolver } from '../tenants/TenantResolver.ts';
import { hubPubSub } from '../graphql/hubPubSub.ts';

/** The public API's schema: every resolver of every domain. `schema/hub.graphql` is its printed form. */
export function buildHubSchema(): Promise<GraphQLSchema> {
  return buildSchema({
    resolvers: [
      SignInOptionsResolver,
      MeResolver,
      TenantResolver,
      RoleBindingResolver,
      UserResolver,
      ApiTokenResolver,
      AdminTokenResolver,
      ClusterResolver,
      InventoryResolver,
      CredentialResolver,
      BackupLocationResolver,
      JobResolver,
      BackupResolver,
      RestoreResolver,
      SchedulePolicyResolver,
      RuleResolver,
      BackupScheduleResolver,
    ],
    pubSub: hubPubSub,
    validate: false,
  });
}
