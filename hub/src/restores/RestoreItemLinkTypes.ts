import { Field, InputType, Int, ObjectType } from 'type-graphql';
import type { RestoreItemWire } from '#schema/agent/RestoreItemReport';

@InputType({
  description:
    'One item a restore applied (schema/agent/RestoreItemReport.ts). `uid` for created and updated items, ' +
    '`reason` for skipped ones (and optionally for created and updated ones: how), `error` for failed ones; ' +
    'the others null. A dry run reports what a real run would do, with an empty `uid` for what it would create.',
})
export class RestoreItemInput implements RestoreItemWire {
  @Field(() => Int, { description: "The item's number in this run, from 0: the idempotency key of the item." })
  index!: number;

  @Field(() => String, { description: '`kubectl api-resources` name: configmaps, deployments.apps.' })
  type!: string;

  @Field(() => String, { nullable: true, description: 'Target namespace; null for cluster-scoped objects.' })
  namespace!: string | null;

  @Field(() => String)
  name!: string;

  @Field(() => String, { description: 'created, updated, skipped or failed.' })
  result!: string;

  @Field(() => String, { nullable: true })
  uid!: string | null;

  @Field(() => String, { nullable: true })
  reason!: string | null;

  @Field(() => String, { nullable: true })
  error!: string | null;
}

@ObjectType({ description: "The hub's answer to `reportRestoreItems`." })
export class RestoreItemsAnswer {
  @Field(() => Int, { description: 'How many items were new; a redelivered batch stores none.' })
  stored!: number;

  @Field(() => Boolean, { description: 'True: the job has ended; it takes no more items, stop working on it.' })
  stop!: boolean;

  @Field(() => String, { nullable: true })
  reason!: string | null;
}
