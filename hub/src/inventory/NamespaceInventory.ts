import { Field, InputType, Int, ObjectType } from 'type-graphql';
import { matchesLabelSelector } from '#schema/contracts/matchesLabelSelector';
import type { LabelSelector } from '#schema/contracts/LabelSelector';
import { KindCount } from '../backups/Progress.ts';
import { connectionOf } from '../graphql/Connection.ts';
import { Label, labelsToList } from '../graphql/Label.ts';
import type { ClusterNamespaceRow } from './ClusterNamespaceEntity.ts';

@ObjectType({ description: 'A Deployment, StatefulSet, DaemonSet, CronJob or Job.' })
export class Workload {
  @Field(() => String)
  kind!: string;

  @Field(() => String)
  name!: string;

  @Field(() => [Label])
  labels!: Label[];

  @Field(() => Int, { nullable: true, description: 'Desired replicas; null for kinds without them.' })
  replicas!: number | null;

  @Field(() => Int, { nullable: true })
  readyReplicas!: number | null;
}

@ObjectType()
export class PersistentVolumeClaimSummary {
  @Field(() => String)
  name!: string;

  @Field(() => [Label])
  labels!: Label[];

  @Field(() => String, { nullable: true })
  storageClassName!: string | null;

  @Field(() => String, { nullable: true, description: 'The requested size, e.g. `10Gi`.' })
  requestedStorage!: string | null;

  @Field(() => String, { description: 'Pending, Bound or Lost.' })
  phase!: string;

  @Field(() => String, { nullable: true })
  volumeName!: string | null;
}

@ObjectType({ description: 'A namespace of a cluster and what runs in it: the application view.' })
export class NamespaceInventory {
  @Field(() => String)
  name!: string;

  @Field(() => [Label])
  labels!: Label[];

  @Field(() => [Workload], { description: 'Sorted by kind, then name; narrowed by the filter\'s `labelSelector`.' })
  workloads!: Workload[];

  @Field(() => [PersistentVolumeClaimSummary])
  persistentVolumeClaims!: PersistentVolumeClaimSummary[];

  @Field(() => [KindCount], { description: 'Objects per kind among those the agent counts.' })
  countsByKind!: KindCount[];

  @Field(() => Date, { description: 'When the agent last reported this namespace.' })
  updatedAt!: Date;

  /** The namespace as stored, showing only the workloads and PVCs that `selector` matches (all without one). */
  static from(row: ClusterNamespaceRow, selector: LabelSelector | undefined): NamespaceInventory {
    const shown = (labels: Record<string, string>) => !selector || matchesLabelSelector(selector, labels);
    return Object.assign(new NamespaceInventory(), {
      name: row.name,
      labels: labelsToList(row.labels),
      workloads: row.workloads
        .filter((w) => shown(w.labels))
        .map((w) => Object.assign(new Workload(), { ...w, labels: labelsToList(w.labels) })),
      persistentVolumeClaims: row.persistentVolumeClaims
        .filter((c) => shown(c.labels))
        .map((c) =>
        Object.assign(new PersistentVolumeClaimSummary(), { ...c, labels: labelsToList(c.labels) }),
      ),
      countsByKind: Object.entries(row.countsByKind)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([kind, count]) => Object.assign(new KindCount(), { kind, count })),
      updatedAt: row.updatedAt,
    });
  }
}

export const NamespaceInventoryConnection = connectionOf(NamespaceInventory, 'NamespaceInventory');

@InputType({ description: 'Narrows the application view, as a user does before choosing what to back up.' })
export class NamespaceInventoryFilter {
  @Field(() => [String], { nullable: true, description: 'Only these namespaces (names or `*` patterns).' })
  namespaces?: string[] | null;

  @Field(() => String, { nullable: true, description: "A Kubernetes label selector on the namespaces' labels." })
  namespaceSelector?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'A label selector on workloads and PVCs: only namespaces with a match, showing only the matches.',
  })
  labelSelector?: string | null;
}
