import { Field, Float, Int, ObjectType } from 'type-graphql';
import type { BackupProgress, BackupResultSummary } from './backupLifecycle.ts';

@ObjectType({ description: 'Items of a backup or restore processed so far.' })
export class Progress {
  @Field(() => Int)
  itemsDone!: number;

  @Field(() => Int)
  itemsTotal!: number;

  @Field(() => Float, { description: 'Bytes moved to or from the location.' })
  bytes!: number;

  static from(progress: BackupProgress): Progress {
    return Object.assign(new Progress(), progress);
  }
}

@ObjectType({ description: 'How many objects of one kind there are.' })
export class KindCount {
  @Field(() => String)
  kind!: string;

  @Field(() => Int)
  count!: number;
}

@ObjectType({ description: 'How many items of one resource type a backup or restore processed.' })
export class ResourceCount {
  @Field(() => String, { description: 'The type as `kubectl api-resources` names it: `configmaps`, `deployments.apps`.' })
  resource!: string;

  @Field(() => String, {
    nullable: true,
    description:
      'The kind: `ConfigMap`, `Deployment`. Null when the agent did not report it (a backup imported from its location by a catalog rebuild, or an agent older than the field).',
  })
  kind!: string | null;

  @Field(() => Int)
  count!: number;
}

@ObjectType({ description: 'What a finished backup or restore processed, and every warning and error.' })
export class OperationResult {
  @Field(() => [ResourceCount], {
    description: 'Items by resource type, sorted by `resource`: for a backup those archived; for a restore those created or updated.',
  })
  countsByKind!: ResourceCount[];

  // Up to 1,000 messages each (schema/agent/OperationOutcome.ts): priced above a plain field.
  @Field(() => [String], {
    complexity: 50,
    description: "One line each: `type namespace/name: message`. A backup's are also `Backup.warnings`, with their objects as fields.",
  })
  warnings!: string[];

  @Field(() => [String], { complexity: 50, description: "One line each; a backup's are also `Backup.errors`, with their objects as fields." })
  errors!: string[];

  static from(summary: BackupResultSummary): OperationResult {
    return Object.assign(new OperationResult(), {
      countsByKind: Object.entries(summary.countsByKind)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([resource, count]) =>
          Object.assign(new ResourceCount(), { resource, kind: summary.kinds?.[resource] ?? null, count }),
        ),
      warnings: summary.warnings,
      errors: summary.errors,
    });
  }
}
