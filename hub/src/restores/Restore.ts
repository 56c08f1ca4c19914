import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import type { ClusterScopedPolicy as ClusterScopedPolicyName } from '#schema/contracts/BackupSpec';
import type {
  ExistingResourcePolicy as ExistingResourcePolicyName,
  RestoreSpec,
} from '#schema/contracts/RestoreSpec';
import { ClusterScopedPolicy } from '../backups/BackupSpecType.ts';
import { OperationResult, Progress } from '../backups/Progress.ts';
import { connectionOf } from '../graphql/Connection.ts';
import type { RestoreRow } from './RestoreEntity.ts';
import type { RestorePhase as RestorePhaseName } from './restoreLifecycle.ts';

export enum RestorePhase {
  Pending = 'Pending',
  Running = 'Running',
  Completed = 'Completed',
  PartiallyFailed = 'PartiallyFailed',
  Failed = 'Failed',
}
registerEnumType(RestorePhase, {
  name: 'RestorePhase',
  description: 'PartiallyFailed: some items failed (see `items(result: failed)`); the rest were applied.',
});

export enum ExistingResourcePolicy {
  skip = 'skip',
  update = 'update',
  replace = 'replace',
}
registerEnumType(ExistingResourcePolicy, {
  name: 'ExistingResourcePolicy',
  description:
    'What to do with an object that already exists in the target: leave it (skip), update it in place (update), ' +
    'or delete and recreate it (replace). Whatever the policy, a restore never deletes a cluster-scoped object ' +
    '(replace updates it) nor a PersistentVolumeClaim or a bound PersistentVolume, and skips with the reason ' +
    'an update the API server would refuse (an immutable field).',
});

@ObjectType({ description: 'One renaming: a source name and what it becomes in the target.' })
export class Mapping {
  @Field(() => String)
  from!: string;

  @Field(() => String)
  to!: string;
}

function mappingsOf(record: Record<string, string>): Mapping[] {
  return Object.entries(record)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([from, to]) => Object.assign(new Mapping(), { from, to }));
}

@ObjectType('RestoreSpec', {
  description: 'What a restore applies and where. Filters apply to source namespaces.',
})
export class RestoreSpecType {
  @Field(() => [Mapping])
  namespaceMapping!: Mapping[];

  @Field(() => [String])
  includeNamespaces!: string[];

  @Field(() => [String])
  excludeNamespaces!: string[];

  @Field(() => [String])
  includeResources!: string[];

  @Field(() => [String])
  excludeResources!: string[];

  @Field(() => [String])
  labelSelectors!: string[];

  @Field(() => ExistingResourcePolicy)
  existingResourcePolicy!: ExistingResourcePolicyName;

  @Field(() => ClusterScopedPolicy)
  clusterScoped!: ClusterScopedPolicyName;

  @Field(() => [Mapping])
  storageClassMapping!: Mapping[];

  @Field(() => Boolean)
  dryRun!: boolean;

  static from(spec: RestoreSpec): RestoreSpecType {
    return Object.assign(new RestoreSpecType(), {
      ...spec,
      // Restores recorded before the field existed restored every cluster-scoped object they were given.
      clusterScoped: spec.clusterScoped ?? 'all',
      namespaceMapping: mappingsOf(spec.namespaceMapping),
      storageClassMapping: mappingsOf(spec.storageClassMapping),
    });
  }
}

@ObjectType({ description: 'A restore of one backup into a cluster of the same tenant.' })
export class Restore {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  tenantId!: string;

  @Field(() => ID)
  backupId!: string;

  @Field(() => ID)
  sourceClusterId!: string;

  @Field(() => ID)
  targetClusterId!: string;

  @Field(() => RestorePhase)
  phase!: RestorePhaseName;

  @Field(() => RestoreSpecType)
  spec!: RestoreSpecType;

  @Field(() => Progress)
  progress!: Progress;

  @Field(() => OperationResult, { nullable: true, description: 'Present once the restore has ended.' })
  result!: OperationResult | null;

  @Field(() => Date)
  createdAt!: Date;

  @Field(() => Date, { nullable: true })
  startedAt!: Date | null;

  @Field(() => Date, { nullable: true })
  completedAt!: Date | null;

  static from(row: RestoreRow): Restore {
    return Object.assign(new Restore(), {
      id: row.id,
      tenantId: row.tenantId,
      backupId: row.backupId,
      sourceClusterId: row.sourceClusterId,
      targetClusterId: row.clusterId,
      phase: row.phase,
      spec: RestoreSpecType.from(row.spec),
      progress: Progress.from(row.progress),
      result: row.result ? OperationResult.from(row.result) : null,
      createdAt: row.createdAt,
      startedAt: row.startedAt,
      completedAt: row.completedAt,
    });
  }
}

export const RestoreConnection = connectionOf(Restore, 'Restore');
