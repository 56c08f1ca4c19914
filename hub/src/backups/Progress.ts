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

@ObjectType({ description: 'How many items of one kind were processed.' })
export class KindCount {
  @Field(() => String)
  kind!: string;

  @Field(() => Int)
  count!: number;
}

@ObjectType({ description: 'What a finished backup or restore processed, and every warning and error.' })
export class OperationResult {
  @Field(() => [KindCount])
  countsByKind!: KindCount[];

  // Up to 1,000 messages each (schema/agent/OperationOutcome.ts): priced above a plain field.
  @Field(() => [String], { complexity: 50 })
  warnings!: string[];

  @Field(() => [String], { complexity: 50 })
  errors!: string[];

  static from(summary: BackupResultSummary): OperationResult {
    return Object.assign(new OperationResult(), {
      countsByKind: Object.entries(summary.countsByKind)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([kind, count]) => Object.assign(new KindCount(), { kind, count })),
      warnings: summary.warnings,
      errors: summary.errors,
    });
  }
}
