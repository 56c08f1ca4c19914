import { Field, ID, InputType, ObjectType, registerEnumType } from 'type-graphql';
import { connectionOf } from '../graphql/Connection.ts';
import { Label, LabelInput, labelsToList } from '../graphql/Label.ts';
import type { ClusterRow } from './ClusterEntity.ts';

/**
 * A cluster counts as connected only while the replica holding its agent keeps confirming it; a replica that
 * died without saying so leaves `connected` set, and this bound turns that into Disconnected.
 */
export const agentStaleAfterMs = 60_000;

export enum ClusterStatus {
  PendingEnrollment = 'PendingEnrollment',
  Connected = 'Connected',
  Disconnected = 'Disconnected',
}
registerEnumType(ClusterStatus, {
  name: 'ClusterStatus',
  description: 'PendingEnrollment: registered, no agent has enrolled yet.',
});

@ObjectType({ description: 'A Kubernetes cluster whose agent dials out to this hub.' })
export class Cluster {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  tenantId!: string;

  @Field(() => String)
  name!: string;

  @Field(() => [Label])
  labels!: Label[];

  @Field(() => ClusterStatus)
  status!: ClusterStatus;

  @Field(() => String, { nullable: true })
  agentVersion!: string | null;

  @Field(() => String, { nullable: true })
  kubernetesVersion!: string | null;

  @Field(() => Date, { nullable: true, description: 'When the agent was last heard from.' })
  lastSeenAt!: Date | null;

  @Field(() => Date, { nullable: true })
  enrolledAt!: Date | null;

  @Field(() => Date)
  createdAt!: Date;

  static from(row: ClusterRow): Cluster {
    const status = !row.enrolledAt
      ? ClusterStatus.PendingEnrollment
      : row.connected && row.lastSeenAt && row.lastSeenAt.getTime() > Date.now() - agentStaleAfterMs
        ? ClusterStatus.Connected
        : ClusterStatus.Disconnected;
    return Object.assign(new Cluster(), {
      id: row.id,
      tenantId: row.tenantId,
      name: row.name,
      labels: labelsToList(row.labels),
      status,
      agentVersion: row.agentVersion,
      kubernetesVersion: row.kubernetesVersion,
      lastSeenAt: row.lastSeenAt,
      enrolledAt: row.enrolledAt,
      createdAt: row.createdAt,
    });
  }
}

export const ClusterConnection = connectionOf(Cluster, 'Cluster');

@ObjectType({ description: 'A registered cluster and the one-time token its agent enrolls with.' })
export class ClusterEnrollment {
  @Field(() => Cluster)
  cluster!: Cluster;

  @Field(() => String, { description: 'Shown only here; valid once, until `expiresAt`.' })
  enrollmentToken!: string;

  @Field(() => Date)
  expiresAt!: Date;
}

@InputType()
export class RegisterClusterInput {
  @Field(() => ID)
  tenantId!: string;

  @Field(() => String, { description: 'DNS label, unique in the tenant.' })
  name!: string;

  @Field(() => [LabelInput], { defaultValue: [] })
  labels!: LabelInput[];
}

@InputType()
export class ClusterFilter {
  @Field(() => ID, { nullable: true })
  tenantId?: string | null;

  @Field(() => String, { nullable: true, description: 'Part of the name.' })
  nameContains?: string | null;

  @Field(() => ClusterStatus, { nullable: true })
  status?: ClusterStatus | null;

  @Field(() => [LabelInput], { nullable: true, description: 'Every label must match.' })
  labels?: LabelInput[] | null;
}
