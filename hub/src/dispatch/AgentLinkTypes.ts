import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';

export enum AgentJobEventType {
  Offer = 'Offer',
  Cancel = 'Cancel',
}
registerEnumType(AgentJobEventType, {
  name: 'AgentJobEventType',
  description: 'Offer: run this job (it may be one you already run or ran). Cancel: stop it.',
});

@ObjectType({ description: 'A job offered to the agent, or the cancellation of one.' })
export class AgentJobEvent {
  @Field(() => AgentJobEventType)
  type!: AgentJobEventType;

  @Field(() => ID, { description: 'The idempotency key: a job already run or running is not run again.' })
  jobId!: string;

  @Field(() => String, { nullable: true, description: 'Offer: the job kind, one of `jobKinds` (schema/agent/JobPayload.ts).' })
  kind!: string | null;

  @Field(() => Int, { nullable: true, description: 'Offer: which delivery this is, from 1.' })
  attempt!: number | null;

  @Field(() => String, { nullable: true, description: 'Offer: the JobPayload (schema/agent/JobPayload.ts) as JSON.' })
  payload!: string | null;
}

@ObjectType({ description: "The hub's answer to `ackJob`." })
export class JobStart {
  @Field(() => Boolean, { description: 'False: do not run it (it ended already, or was cancelled).' })
  run!: boolean;

  @Field(() => String, { nullable: true })
  reason!: string | null;

  @Field(() => Date, { nullable: true, description: 'Report progress before then, or the job is offered again.' })
  leaseExpiresAt!: Date | null;
}

@ObjectType({ description: "The hub's answer to `reportProgress`." })
export class ProgressAnswer {
  @Field(() => Boolean, { description: 'True: the job has ended (cancelled); stop working on it.' })
  stop!: boolean;

  @Field(() => String, { nullable: true })
  reason!: string | null;

  @Field(() => Date, { nullable: true })
  leaseExpiresAt!: Date | null;
}

@ObjectType({ description: "The hub's answer to `completeJob` and `failJob`." })
export class JobSettlement {
  @Field(() => Boolean, { description: 'False: the job had already ended; this report changed nothing.' })
  accepted!: boolean;

  @Field(() => String, { description: 'The job phase after the report.' })
  phase!: string;
}

@ObjectType({ description: 'The result of enrolling: the credential is shown only here.' })
export class Enrollment {
  @Field(() => ID)
  clusterId!: string;

  @Field(() => String)
  clusterName!: string;

  @Field(() => ID)
  tenantId!: string;

  @Field(() => String, { description: 'Present it as `credential` in connection_init from now on.' })
  credential!: string;
}

@ObjectType({ description: 'What the hub tells an agent about itself.' })
export class AgentHubInfo {
  @Field(() => Int)
  protocolVersion!: number;

  @Field(() => Int, { description: 'Seconds a job lease lasts; report progress well within it.' })
  leaseSeconds!: number;

  @Field(() => ID, { nullable: true, description: 'The cluster this connection acts for; null before enrolling.' })
  clusterId!: string | null;
}
