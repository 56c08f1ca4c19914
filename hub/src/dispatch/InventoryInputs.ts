import { Field, InputType, Int } from 'type-graphql';
import { LabelInput } from '../graphql/Label.ts';

@InputType()
export class WorkloadInput {
  @Field(() => String, { description: 'Deployment, StatefulSet, DaemonSet, CronJob or Job.' })
  kind!: string;

  @Field(() => String)
  name!: string;

  @Field(() => [LabelInput])
  labels!: LabelInput[];

  @Field(() => Int, { nullable: true })
  replicas!: number | null;

  @Field(() => Int, { nullable: true })
  readyReplicas!: number | null;
}

@InputType()
export class PvcInput {
  @Field(() => String)
  name!: string;

  @Field(() => [LabelInput])
  labels!: LabelInput[];

  @Field(() => String, { nullable: true })
  storageClassName!: string | null;

  @Field(() => String, { nullable: true })
  requestedStorage!: string | null;

  @Field(() => String)
  phase!: string;

  @Field(() => String, { nullable: true })
  volumeName!: string | null;
}

@InputType()
export class KindCountInput {
  @Field(() => String)
  kind!: string;

  @Field(() => Int)
  count!: number;
}

@InputType({ description: 'One namespace (schema/agent/ClusterInventory.ts: NamespaceInventory).' })
export class NamespaceInventoryInput {
  @Field(() => String)
  name!: string;

  @Field(() => [LabelInput])
  labels!: LabelInput[];

  @Field(() => [WorkloadInput])
  workloads!: WorkloadInput[];

  @Field(() => [PvcInput])
  persistentVolumeClaims!: PvcInput[];

  @Field(() => [KindCountInput])
  countsByKind!: KindCountInput[];
}

@InputType()
export class JobProgressInput {
  @Field(() => Int)
  done!: number;

  @Field(() => Int)
  total!: number;

  @Field(() => Number, { description: 'Bytes moved so far.' })
  bytes!: number;

  @Field(() => String, { nullable: true })
  message!: string | null;
}
