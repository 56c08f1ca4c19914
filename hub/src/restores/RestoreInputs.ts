import { Field, ID, InputType } from 'type-graphql';
import type { ClusterScopedPolicy as ClusterScopedPolicyName } from '#schema/contracts/BackupSpec';
import type { ExistingResourcePolicy as ExistingResourcePolicyName } from '#schema/contracts/RestoreSpec';
import { ClusterScopedPolicy } from '../backups/BackupSpecType.ts';
import { ExistingResourcePolicy, RestorePhase } from './Restore.ts';
import type { RestorePhase as RestorePhaseName } from './restoreLifecycle.ts';

@InputType()
export class MappingInput {
  @Field(() => String)
  from!: string;

  @Field(() => String)
  to!: string;
}

@InputType({
  description: 'A restore to run now. Filters apply to the backup’s contents, by source namespace.',
})
export class CreateRestoreInput {
  @Field(() => ID, { description: 'A Completed or PartiallyFailed backup.' })
  backupId!: string;

  @Field(() => ID, { description: 'Any cluster of the backup’s tenant, the backup’s own included.' })
  targetClusterId!: string;

  @Field(() => [MappingInput], { defaultValue: [], description: 'Source namespace → target namespace.' })
  namespaceMapping!: MappingInput[];

  @Field(() => [String], { defaultValue: [] })
  includeNamespaces!: string[];

  @Field(() => [String], { defaultValue: [] })
  excludeNamespaces!: string[];

  @Field(() => [String], { defaultValue: [] })
  includeResources!: string[];

  @Field(() => [String], { defaultValue: [] })
  excludeResources!: string[];

  @Field(() => [String], { defaultValue: [], description: 'Kubernetes label selectors, OR’d.' })
  labelSelectors!: string[];

  @Field(() => ExistingResourcePolicy, { defaultValue: ExistingResourcePolicy.skip })
  existingResourcePolicy!: ExistingResourcePolicyName;

  @Field(() => ClusterScopedPolicy, {
    defaultValue: ClusterScopedPolicy.auto,
    description:
      'Which of the backup’s cluster-scoped objects are restored (Namespaces follow the namespace filters): auto, only those the restored namespaced objects need (CRDs of their custom objects, PVs of their claims and storage classes, ClusterRoles their RoleBindings grant, PriorityClasses, RuntimeClasses); all, every one that passes the resource and label filters; none.',
  })
  clusterScoped!: ClusterScopedPolicyName;

  @Field(() => [MappingInput], {
    defaultValue: [],
    description: 'Source storage class → target storage class.',
  })
  storageClassMapping!: MappingInput[];

  @Field(() => Boolean, {
    defaultValue: false,
    description:
      'Change nothing: read each planned object in the target and record in `Restore.items` what a real run ' +
      'would do with it (created, updated, skipped with the reason, failed), as the real run decides it.',
  })
  dryRun!: boolean;
}

@InputType()
export class RestoreFilter {
  @Field(() => ID, { nullable: true })
  tenantId?: string | null;

  @Field(() => ID, { nullable: true })
  backupId?: string | null;

  @Field(() => ID, { nullable: true })
  targetClusterId?: string | null;

  @Field(() => [RestorePhase], { nullable: true, description: 'Any of these phases.' })
  phases?: RestorePhaseName[] | null;
}
