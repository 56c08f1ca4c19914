import type { V1ObjectMeta } from '@kubernetes/client-node';
import type { VolumeSnapshotClassFact } from '#schema/agent/ClusterInventory';

/**
 * A `snapshot.storage.k8s.io/v1` VolumeSnapshotClass as the API serves it. It is a custom resource, so the
 * client has no model for it; its settings sit at the top level, not under a spec.
 */
export interface VolumeSnapshotClassObject {
  apiVersion?: string;
  kind?: string;
  metadata?: V1ObjectMeta;
  driver?: string;
  deletionPolicy?: string;
}

/** A VolumeSnapshotClass as cluster facts report it. */
export function summarizeVolumeSnapshotClass(
  snapshotClass: VolumeSnapshotClassObject,
): VolumeSnapshotClassFact {
  return {
    name: snapshotClass.metadata?.name ?? '',
    driver: snapshotClass.driver ?? '',
    deletionPolicy: snapshotClass.deletionPolicy ?? '',
  };
}
