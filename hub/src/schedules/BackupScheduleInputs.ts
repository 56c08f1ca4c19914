import { Field, ID, InputType } from 'type-graphql';
import type { ClusterScopedPolicy as ClusterScopedPolicyName } from '#schema/contracts/BackupSpec';
import { ClusterScopedPolicy } from '../backups/BackupSpecType.ts';
import { LabelInput } from '../graphql/Label.ts';

@InputType({
  description:
    "What each run backs up: a backup's spec without the cluster (the schedule's) or TTL (the policy's).",
})
export class BackupTemplateInput {
  @Field(() => ID, { description: 'A backup location of the same tenant.' })
  locationId!: string;

  @Field(() => [String], { defaultValue: [], description: 'Namespace names or `*` patterns.' })
  includeNamespaces!: string[];

  @Field(() => [String], { defaultValue: [] })
  excludeNamespaces!: string[];

  @Field(() => [String], {
    defaultValue: [],
    description: 'Kubernetes label selectors; an object matching any of them is taken.',
  })
  labelSelectors!: string[];

  @Field(() => [String], { defaultValue: [], description: 'Resource types like `deployments.apps`.' })
  includeResources!: string[];

  @Field(() => [String], { defaultValue: [] })
  excludeResources!: string[];

  @Field(() => ClusterScopedPolicy, { defaultValue: ClusterScopedPolicy.auto })
  clusterScoped!: ClusterScopedPolicyName;

  @Field(() => Boolean, { defaultValue: true })
  volumes!: boolean;

  @Field(() => ID, { nullable: true, description: 'A rule of the same tenant, run before each backup.' })
  preRuleId?: string | null;

  @Field(() => ID, { nullable: true, description: 'A rule of the same tenant, run after each backup.' })
  postRuleId?: string | null;

  @Field(() => [LabelInput], { defaultValue: [], description: 'Put on every backup the schedule takes.' })
  labels!: LabelInput[];

  @Field(() => String, {
    nullable: true,
    description:
      'Backups are named `<prefix>-<UTC timestamp>`; at most 43 characters. Default: the schedule name.',
  })
  namePrefix?: string | null;
}

@InputType()
export class CreateBackupScheduleInput {
  @Field(() => ID)
  clusterId!: string;

  @Field(() => String, { description: 'DNS label, unique in the tenant.' })
  name!: string;

  @Field(() => ID, { description: 'A schedule policy of the same tenant.' })
  policyId!: string;

  @Field(() => BackupTemplateInput)
  template!: BackupTemplateInput;

  @Field(() => Boolean, { defaultValue: false, description: 'Create it suspended: it takes no backups yet.' })
  suspended!: boolean;
}

@InputType({
  description:
    'Fields left out stay as they are; a new template replaces the old one whole. The cluster cannot change.',
})
export class UpdateBackupScheduleInput {
  @Field(() => String, { nullable: true })
  name?: string | null;

  @Field(() => ID, { nullable: true })
  policyId?: string | null;

  @Field(() => BackupTemplateInput, { nullable: true })
  template?: BackupTemplateInput | null;
}

@InputType()
export class BackupScheduleFilter {
  @Field(() => ID, { nullable: true })
  tenantId?: string | null;

  @Field(() => ID, { nullable: true })
  clusterId?: string | null;

  @Field(() => ID, { nullable: true })
  policyId?: string | null;

  @Field(() => Boolean, { nullable: true })
  suspended?: boolean | null;
}
