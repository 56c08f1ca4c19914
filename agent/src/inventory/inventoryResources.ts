import {
  AppsV1Api,
  BatchV1Api,
  CoreV1Api,
  CustomObjectsApi,
  type KubeConfig,
  type KubernetesObject,
  StorageV1Api,
  type V1CSIDriver,
  type V1Namespace,
  type V1Node,
  type V1PersistentVolumeClaim,
  type V1StorageClass,
} from '@kubernetes/client-node';
import type {
  PvcSummary,
  StorageClassFact,
  VolumeSnapshotClassFact,
  WorkloadKind,
  WorkloadSummary,
} from '#schema/agent/ClusterInventory';
import type { ListPage, ResourceSpec } from './ResourceSpec.ts';
import { summarizePvc } from './summarizePvc.ts';
import { summarizeStorageClass } from './summarizeStorageClass.ts';
import {
  summarizeVolumeSnapshotClass,
  type VolumeSnapshotClassObject,
} from './summarizeVolumeSnapshotClass.ts';
import { summarizeWorkload, type WorkloadObject } from './summarizeWorkload.ts';

type PageRequest = { limit: number; _continue?: string };

/** Where VolumeSnapshotClasses are served when the external-snapshotter CRDs are installed. */
export const volumeSnapshotClassResource = {
  group: 'snapshot.storage.k8s.io',
  version: 'v1',
  plural: 'volumesnapshotclasses',
};

/** Every resource kind the inventory watches, by the part of the inventory it feeds. */
export interface InventoryResources {
  /** Summarized to their labels. */
  namespaces: ResourceSpec<V1Namespace, Record<string, string>>;
  nodes: ResourceSpec<V1Node, null>;
  storageClasses: ResourceSpec<V1StorageClass, StorageClassFact>;
  csiDrivers: ResourceSpec<V1CSIDriver, null>;
  volumeSnapshotClasses: ResourceSpec<VolumeSnapshotClassObject, VolumeSnapshotClassFact>;
  /** One per workload kind, in `workloadKinds` order. */
  workloads: ResourceSpec<WorkloadObject, WorkloadSummary>[];
  persistentVolumeClaims: ResourceSpec<V1PersistentVolumeClaim, PvcSummary>;
  /** Namespaced kinds that are only counted. */
  counted: ResourceSpec<KubernetesObject, null>[];
}

/** Builds the list calls, watch paths and summaries of every kind the inventory watches. */
export function inventoryResources(kubeConfig: KubeConfig): InventoryResources {
  const core = kubeConfig.makeApiClient(CoreV1Api);
  const apps = kubeConfig.makeApiClient(AppsV1Api);
  const batch = kubeConfig.makeApiClient(BatchV1Api);
  const storage = kubeConfig.makeApiClient(StorageV1Api);
  const custom = kubeConfig.makeApiClient(CustomObjectsApi);

  const workload = (
    kind: WorkloadKind,
    path: string,
    listPage: (page: PageRequest) => Promise<ListPage<WorkloadObject>>,
  ): ResourceSpec<WorkloadObject, WorkloadSummary> => ({
    kind,
    path,
    listPage,
    summarize: (object) => summarizeWorkload(kind, object),
  });
  const counted = (
    kind: string,
    path: string,
    listPage: (page: PageRequest) => Promise<ListPage<KubernetesObject>>,
  ): ResourceSpec<KubernetesObject, null> => ({ kind, path, listPage, summarize: () => null });

  return {
    namespaces: {
      kind: 'Namespace',
      path: '/api/v1/namespaces',
      listPage: (page) => core.listNamespace(page),
      summarize: (namespace) => ({ ...namespace.metadata?.labels }),
    },
    nodes: {
      kind: 'Node',
      path: '/api/v1/nodes',
      listPage: (page) => core.listNode(page),
      summarize: () => null,
    },
    storageClasses: {
      kind: 'StorageClass',
      path: '/apis/storage.k8s.io/v1/storageclasses',
      listPage: (page) => storage.listStorageClass(page),
      summarize: summarizeStorageClass,
    },
    csiDrivers: {
      kind: 'CSIDriver',
      path: '/apis/storage.k8s.io/v1/csidrivers',
      listPage: (page) => storage.listCSIDriver(page),
      summarize: () => null,
    },
    volumeSnapshotClasses: {
      kind: 'VolumeSnapshotClass',
      path: '/apis/snapshot.storage.k8s.io/v1/volumesnapshotclasses',
      listPage: async (page) => {
        // Custom objects arrive as plain JSON: the continue token is `continue`, not the model's `_continue`.
        const list = (await custom.listClusterCustomObject({ ...volumeSnapshotClassResource, ...page })) as {
          metadata?: { resourceVersion?: string; continue?: string };
          items?: VolumeSnapshotClassObject[];
        };
        return {
          metadata: { resourceVersion: list.metadata?.resourceVersion, _continue: list.metadata?.continue },
          items: list.items ?? [],
        };
      },
      summarize: summarizeVolumeSnapshotClass,
    },
    workloads: [
      workload('Deployment', '/apis/apps/v1/deployments', (p) => apps.listDeploymentForAllNamespaces(p)),
      workload('StatefulSet', '/apis/apps/v1/statefulsets', (p) => apps.listStatefulSetForAllNamespaces(p)),
      workload('DaemonSet', '/apis/apps/v1/daemonsets', (page) => apps.listDaemonSetForAllNamespaces(page)),
      workload('CronJob', '/apis/batch/v1/cronjobs', (page) => batch.listCronJobForAllNamespaces(page)),
      workload('Job', '/apis/batch/v1/jobs', (page) => batch.listJobForAllNamespaces(page)),
    ],
    persistentVolumeClaims: {
      kind: 'PersistentVolumeClaim',
      path: '/api/v1/persistentvolumeclaims',
      listPage: (page) => core.listPersistentVolumeClaimForAllNamespaces(page),
      summarize: summarizePvc,
    },
    counted: [
      counted('ConfigMap', '/api/v1/configmaps', (page) => core.listConfigMapForAllNamespaces(page)),
      counted('Secret', '/api/v1/secrets', (page) => core.listSecretForAllNamespaces(page)),
      counted('Service', '/api/v1/services', (page) => core.listServiceForAllNamespaces(page)),
      counted('ServiceAccount', '/api/v1/serviceaccounts', (p) => core.listServiceAccountForAllNamespaces(p)),
      counted('Pod', '/api/v1/pods', (page) => core.listPodForAllNamespaces(page)),
    ],
  };
}
