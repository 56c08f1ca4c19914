import { Field, ID, InputType } from 'type-graphql';
import type { ClusterScopedPolicy as ClusterScopedPolicyName } from '#schema/contracts/BackupSpec';
import { LabelInput } from '../graphql/Label.ts';
import { BackupPhase } from './Backup.ts';
import { ClusterScopedPolicy } from './BackupSpecType.ts';
import type { BackupPhase as BackupPhaseName } from './backupLifecycle.ts';

@InputType({ description: 'A backup to take now. Empty include lists mean all; excludes win over includes.' })
export class CreateBackupInput {
  @Field(() => ID)
  clusterId!: string;

  @Field(() => ID, { description: 'A backup location of the same tenant.' })
  locationId!: string;

  @Field(() => String, {
    nullable: true,
    description: 'DNS label, unique in the cluster; default: generated.',
  })
  name?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'When no name is given: the name is this prefix and a UTC timestamp. Default `backup`.',
  })
  namePrefix?: string | null;

  @Field(() => [String], { defaultValue: [], description: 'Namespace names or `*` patterns.' })
  includeNamespaces!: string[];

  @Field(() => [String], { defaultValue: [] })
  excludeNamespaces!: string[];

  @Field(() => [String], {
    defaultValue: [],
    description:
      'Kubernetes label selectors (`app=web,tier in (db)`); an object matching any of them is taken.',
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

  @Field(() => ID, { nullable: true })
  preRuleId?: string | null;

  @Field(() => ID, { nullable: true })
  postRuleId?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'How long to keep it: `720h`, `30d`, `1h30m`. Default 30d.',
  })
  ttl?: string | null;

  @Field(() => [LabelInput], { defaultValue: [] })
  labels!: LabelInput[];
}

@InputType()
export class BackupFilter {
  @Field(() => ID, { nullable: true })
  tenantId?: string | null;

  @Field(() => ID, { nullable: true })
  clusterId?: string | null;

  @Field(() => [BackupPhase], { nullable: true, description: 'Any of these phases.' })
  phases?: BackupPhaseName[] | null;

  @Field(() => [LabelInput], { nullable: true, description: 'Every label must match.' })
  labels?: LabelInput[] | null;

  @Field(() => String, { nullable: true, description: 'Part of the name.' })
  nameContains?: string | null;

  @Field(() => Date, { nullable: true, description: 'Created at or after this time.' })
  createdAfter?: Date | null;

  @Field(() => Date, { nullable: true, description: 'Created before this time.' })
  createdBefore?: Date | null;
}
