import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import type { RestoreItemResult as RestoreItemResultName } from '#schema/agent/RestoreItemReport';
import { connectionOf } from '../graphql/Connection.ts';
import type { RestoreItemRow } from './RestoreItemEntity.ts';

export enum RestoreItemResult {
  created = 'created',
  updated = 'updated',
  skipped = 'skipped',
  failed = 'failed',
}
registerEnumType(RestoreItemResult, {
  name: 'RestoreItemResult',
  description:
    'What a restore did with an item (for a dry run: what a real run would do): created or updated it, skipped it ' +
    '(see `reason`: it exists and the policy keeps it, a bound volume is never replaced, an immutable field…), or ' +
    'failed (see `error`).',
});

@ObjectType({ description: 'What a restore did with one item of its plan, in the target cluster.' })
export class RestoreItem {
  @Field(() => Int, { description: 'The order in which the run applied it, from 0.' })
  index!: number;

  @Field(() => String, { description: '`kubectl api-resources` name: configmaps, deployments.apps.' })
  type!: string;

  @Field(() => String, { nullable: true, description: 'Target namespace; null for cluster-scoped objects.' })
  namespace!: string | null;

  @Field(() => String)
  name!: string;

  @Field(() => RestoreItemResult)
  result!: RestoreItemResultName;

  @Field(() => String, {
    nullable: true,
    description:
      'Skipped: why. Created or updated: how, when not plainly: replaced (deleted and created anew), a ' +
      'cluster-scoped object updated where `replace` was asked, or created by an earlier attempt of this restore.',
  })
  reason!: string | null;

  @Field(() => String, { nullable: true, description: 'Failed: what went wrong.' })
  error!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Created or updated: the object’s uid in the target; null in a dry run for an object it would create.',
  })
  uid!: string | null;

  static from(row: RestoreItemRow): RestoreItem {
    return Object.assign(new RestoreItem(), {
      index: row.index,
      type: row.type,
      namespace: row.namespace ?? null,
      name: row.name,
      result: row.result,
      reason: row.reason ?? null,
      error: row.error ?? null,
      uid: row.uid || null,
    });
  }
}

export const RestoreItemConnection = connectionOf(RestoreItem, 'RestoreItem');

@ObjectType({ description: 'How many items a restore has recorded, by result.' })
export class RestoreItemCounts {
  @Field(() => Int)
  created!: number;

  @Field(() => Int)
  updated!: number;

  @Field(() => Int)
  skipped!: number;

  @Field(() => Int)
  failed!: number;
}
