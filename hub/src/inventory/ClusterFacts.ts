import { Field, InputType, Int, ObjectType } from 'type-graphql';
import type { ClusterFacts as Facts } from '#schema/agent/ClusterInventory';

// Each class is both the public output type and the agent link's input type (`…Input`): one shape, twice.
@ObjectType()
@InputType('StorageClassFactInput')
export class StorageClassFact {
  @Field(() => String)
  name!: string;

  @Field(() => String)
  provisioner!: string;

  @Field(() => Boolean, { description: 'Marked as the default storage class.' })
  isDefault!: boolean;
}

@ObjectType()
@InputType('VolumeSnapshotClassFactInput')
export class VolumeSnapshotClassFact {
  @Field(() => String)
  name!: string;

  @Field(() => String)
  driver!: string;

  @Field(() => String)
  deletionPolicy!: string;
}

@ObjectType({ description: 'Facts about a cluster, as its agent last reported them (kept fresh by watches).' })
@InputType('ClusterFactsInput', { description: 'Facts about the cluster (schema/agent/ClusterInventory.ts).' })
export class ClusterFacts {
  @Field(() => String)
  kubernetesVersion!: string;

  @Field(() => Int)
  nodeCount!: number;

  @Field(() => [StorageClassFact])
  storageClasses!: StorageClassFact[];

  @Field(() => [String], { description: 'Names of the installed CSI drivers.' })
  csiDrivers!: string[];

  @Field(() => [VolumeSnapshotClassFact])
  volumeSnapshotClasses!: VolumeSnapshotClassFact[];

  static from(facts: Facts): ClusterFacts {
    return Object.assign(new ClusterFacts(), {
      ...facts,
      storageClasses: facts.storageClasses.map((c) => Object.assign(new StorageClassFact(), c)),
      volumeSnapshotClasses: facts.volumeSnapshotClasses.map((c) => Object.assign(new VolumeSnapshotClassFact(), c)),
    });
  }
}
