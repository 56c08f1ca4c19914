import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { connectionOf } from '../graphql/Connection.ts';
import type { JobRow } from './JobEntity.ts';
import { type JobKind as JobKindName, jobKinds } from '#schema/agent/JobPayload';
import type { JobPhase as JobPhaseName } from './jobLifecycle.ts';

/** The GraphQL enum of `jobKinds`, in their order: a kind added there appears here and in the API. */
export const JobKind = Object.fromEntries(jobKinds.map((kind) => [kind, kind])) as { [K in JobKindName]: K };
registerEnumType(JobKind, { name: 'JobKind', description: 'What the agent is asked to do.' });

export enum JobPhase {
  Queued = 'Queued',
  Running = 'Running',
  Succeeded = 'Succeeded',
  Failed = 'Failed',
  Cancelled = 'Cancelled',
}
registerEnumType(JobPhase, {
  name: 'JobPhase',
  description: 'Queued: waiting for the agent; Running: held by the agent under a lease.',
});

@ObjectType({ description: 'How far a job has got, as its agent reports it (about once a second at most).' })
export class JobProgress {
  @Field(() => Int)
  done!: number;

  @Field(() => Int)
  total!: number;

  @Field(() => Float, { description: 'Bytes moved to or from the location.' })
  bytes!: number;

  @Field(() => String, { nullable: true })
  message!: string | null;
}

@ObjectType({
  description: "Work for one cluster's agent: a backup, a restore, a deletion, a location check.",
})
export class Job {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  tenantId!: string;

  @Field(() => ID, { description: 'The cluster whose agent runs the job.' })
  clusterId!: string;

  @Field(() => JobKind)
  kind!: JobKindName;

  @Field(() => ID, { description: 'The backup, restore or location the job acts on.' })
  subjectId!: string;

  @Field(() => JobPhase)
  phase!: JobPhaseName;

  @Field(() => Int, { description: 'How many times the job has been handed to an agent.' })
  attempts!: number;

  @Field(() => Date, { nullable: true })
  leaseExpiresAt!: Date | null;

  @Field(() => JobProgress, { nullable: true, description: "The agent's latest report; null before the first." })
  progress!: JobProgress | null;

  @Field(() => String, { nullable: true })
  error!: string | null;

  @Field(() => Date)
  createdAt!: Date;

  @Field(() => Date, { nullable: true })
  startedAt!: Date | null;

  @Field(() => Date, { nullable: true })
  finishedAt!: Date | null;

  static from(row: JobRow): Job {
    return Object.assign(new Job(), {
      id: row.id,
      tenantId: row.tenantId,
      clusterId: row.clusterId,
      kind: row.kind,
      subjectId: row.subjectId,
      phase: row.phase,
      attempts: row.attempts,
      leaseExpiresAt: row.leaseExpiresAt,
      progress: row.progress ? Object.assign(new JobProgress(), row.progress) : null,
      error: row.error,
      createdAt: row.createdAt,
      startedAt: row.startedAt,
      finishedAt: row.finishedAt,
    });
  }
}

export const JobConnection = connectionOf(Job, 'Job');

@InputType()
export class JobFilter {
  @Field(() => ID, { nullable: true })
  tenantId?: string | null;

  @Field(() => ID, { nullable: true })
  clusterId?: string | null;

  @Field(() => [JobPhase], { nullable: true, description: 'Any of these phases.' })
  phases?: JobPhaseName[] | null;

  @Field(() => [JobKind], { nullable: true, description: 'Any of these kinds.' })
  kinds?: JobKindName[] | null;

  @Field(() => ID, { nullable: true })
  subjectId?: string | null;
}
