/**
 * What an agent reports about its cluster: facts that change rarely and an inventory of namespaces, kept fresh
 * by watches. The hub stores it and serves it as the application view.
 */
export interface ClusterFacts {
  /** `gitVersion` of the API server, e.g. `v1.35.4`. */
  kubernetesVersion: string;
  nodeCount: number;
  storageClasses: StorageClassFact[];
  csiDrivers: string[];
  volumeSnapshotClasses: VolumeSnapshotClassFact[];
}

export interface StorageClassFact {
  name: string;
  provisioner: string;
  isDefault: boolean;
}

export interface VolumeSnapshotClassFact {
  name: string;
  driver: string;
  deletionPolicy: string;
}

/** One namespace as the application view shows it. */
export interface NamespaceInventory {
  name: string;
  labels: Record<string, string>;
  workloads: WorkloadSummary[];
  persistentVolumeClaims: PvcSummary[];
  /** Objects per kind among those the agent watches, e.g. `{ ConfigMap: 3, Secret: 2 }`; zero counts omitted. */
  countsByKind: Record<string, number>;
}

/** The kinds the application view lists as workloads. */
export const workloadKinds = ['Deployment', 'StatefulSet', 'DaemonSet', 'CronJob', 'Job'] as const;
export type WorkloadKind = (typeof workloadKinds)[number];

export interface WorkloadSummary {
  kind: WorkloadKind;
  name: string;
  labels: Record<string, string>;
  /** Desired replicas; null where the kind has none (DaemonSet, CronJob, Job). */
  replicas: number | null;
  readyReplicas: number | null;
}

export interface PvcSummary {
  name: string;
  labels: Record<string, string>;
  storageClassName: string | null;
  /** The requested size as Kubernetes writes it, e.g. `10Gi`. */
  requestedStorage: string | null;
  phase: string;
  volumeName: string | null;
}
