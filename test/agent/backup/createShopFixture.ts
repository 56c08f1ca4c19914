import {
  ApiextensionsV1Api,
  AppsV1Api,
  CoreV1Api,
  CustomObjectsApi,
  type KubeConfig,
  RbacAuthorizationV1Api,
  SchedulingV1Api,
  StorageV1Api,
} from '@kubernetes/client-node';
import { transientObjectLabels } from '../../../agent/src/kube/transientObjectLabels.ts';
import { waitFor } from '../../world/waitFor.ts';

/** The names of everything `createShopFixture` made, unique to one test run. */
export interface ShopFixture {
  /** The application namespace: objects labelled `app=shop` and some that are not. */
  ns: string;
  /** Another namespace with an `app=shop` ConfigMap, which backups of `ns` must not take. */
  other: string;
  /** A namespace holding only 12 unlabelled ConfigMaps (`page-0` … `page-11`), for pagination. */
  paged: string;
  /** The custom resource type's group and plural, and its CRD's name (`plural.group`). */
  group: string;
  plural: string;
  crdName: string;
  storageClass: string;
  /** A static PV, pre-bound by `claimRef` to the PVC `data` in `ns`. */
  pv: string;
  /** The ClusterRole the RoleBinding `shop-reads` in `ns` grants. */
  clusterRole: string;
  /** The PriorityClass of the Deployment `web`'s pod template. */
  priorityClass: string;
  /** Deletes everything above; failures are ignored, since the cluster is thrown away afterwards anyway. */
  remove(): Promise<void>;
}

const shop = { app: 'shop' };

/**
 * Creates a small application in a real cluster. Labelled `app=shop` in `ns`: ConfigMap `settings`, Secret
 * `token`, ServiceAccount `shop`, Role `shop`, RoleBinding `shop-reads` (to `clusterRole`), PVC `data` (bound
 * to `pv`, class `storageClass`), Deployment `web` (whose pods are labelled otherwise) and custom object
 * `big`. Unlabelled: ConfigMap `unlabelled`, custom object `small`, an Event. Labelled `app=shop` but
 * transient: ConfigMap `transient`.
 */
export async function createShopFixture(kc: KubeConfig, run: string): Promise<ShopFixture> {
  const group = 'backup.world.fleetback.io';
  const plural = `gizmos${run}`;
  const names = {
    ns: `backup-${run}`,
    other: `backup-other-${run}`,
    paged: `backup-paged-${run}`,
    group,
    plural,
    crdName: `${plural}.${group}`,
    storageClass: `backup-sc-${run}`,
    pv: `backup-pv-${run}`,
    clusterRole: `backup-reader-${run}`,
    priorityClass: `backup-prio-${run}`,
  };
  const { ns, other, paged } = names;
  const core = kc.makeApiClient(CoreV1Api);
  const rbac = kc.makeApiClient(RbacAuthorizationV1Api);
  const ext = kc.makeApiClient(ApiextensionsV1Api);
  const storage = kc.makeApiClient(StorageV1Api);
  const scheduling = kc.makeApiClient(SchedulingV1Api);

  const remove = async () => {
    const ignore = () => undefined;
    for (const name of [ns, other, paged]) await core.deleteNamespace({ name }).catch(ignore);
    await core.deletePersistentVolume({ name: names.pv }).catch(ignore);
    await storage.deleteStorageClass({ name: names.storageClass }).catch(ignore);
    await ext.deleteCustomResourceDefinition({ name: names.crdName }).catch(ignore);
    await rbac.deleteClusterRole({ name: names.clusterRole }).catch(ignore);
    await scheduling.deletePriorityClass({ name: names.priorityClass }).catch(ignore);
  };

  for (const name of [ns, other, paged]) await core.createNamespace({ body: { metadata: { name } } });
  await ext.createCustomResourceDefinition({
    body: {
      metadata: { name: names.crdName },
      spec: {
        group,
        scope: 'Namespaced',
        names: { plural, singular: `gizmo${run}`, kind: `Gizmo${run}`, listKind: `Gizmo${run}List` },
        versions: [
          {
            name: 'v1',
            served: true,
            storage: true,
            schema: {
              openAPIV3Schema: {
                type: 'object',
                properties: { spec: { type: 'object', properties: { size: { type: 'integer' } } } },
              },
            },
          },
        ],
      },
    },
  });
  await storage.createStorageClass({
    body: { metadata: { name: names.storageClass }, provisioner: 'example.com/none', reclaimPolicy: 'Retain' },
  });
  await core.createPersistentVolume({
    body: {
      metadata: { name: names.pv },
      spec: {
        capacity: { storage: '1Gi' },
        accessModes: ['ReadWriteOnce'],
        persistentVolumeReclaimPolicy: 'Retain',
        storageClassName: names.storageClass,
        hostPath: { path: `/tmp/${names.pv}` },
        claimRef: { namespace: ns, name: 'data' },
      },
    },
  });
  await core.createNamespacedPersistentVolumeClaim({
    namespace: ns,
    body: {
      metadata: { name: 'data', labels: shop },
      spec: {
        accessModes: ['ReadWriteOnce'],
        storageClassName: names.storageClass,
        volumeName: names.pv,
        resources: { requests: { storage: '1Gi' } },
      },
    },
  });
  await rbac.createClusterRole({
    body: {
      metadata: { name: names.clusterRole },
      rules: [{ apiGroups: [''], resources: ['configmaps'], verbs: ['get'] }],
    },
  });
  await scheduling.createPriorityClass({ body: { metadata: { name: names.priorityClass }, value: 1000 } });

  const configMaps = [
    ['settings', shop],
    ['unlabelled', {}],
    ['transient', { ...shop, ...transientObjectLabels }],
  ] as const;
  for (const [name, labels] of configMaps) {
    await core.createNamespacedConfigMap({ namespace: ns, body: { metadata: { name, labels }, data: { a: '1' } } });
  }
  await core.createNamespacedConfigMap({
    namespace: other,
    body: { metadata: { name: 'settings', labels: shop } },
  });
  for (let i = 0; i < 12; i++) {
    await core.createNamespacedConfigMap({ namespace: paged, body: { metadata: { name: `page-${i}` } } });
  }
  await core.createNamespacedSecret({
    namespace: ns,
    body: { metadata: { name: 'token', labels: shop }, stringData: { token: 's3cret' } },
  });
  await core.createNamespacedServiceAccount({ namespace: ns, body: { metadata: { name: 'shop', labels: shop } } });
  await rbac.createNamespacedRole({
    namespace: ns,
    body: {
      metadata: { name: 'shop', labels: shop },
      rules: [{ apiGroups: [''], resources: ['secrets'], verbs: ['get'] }],
    },
  });
  await rbac.createNamespacedRoleBinding({
    namespace: ns,
    body: {
      metadata: { name: 'shop-reads', labels: shop },
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: names.clusterRole },
      subjects: [{ kind: 'ServiceAccount', name: 'shop', namespace: ns }],
    },
  });
  // The pod template's labels differ from the Deployment's, so its ReplicaSet and pods are not selected.
  await kc.makeApiClient(AppsV1Api).createNamespacedDeployment({
    namespace: ns,
    body: {
      metadata: { name: 'web', labels: shop },
      spec: {
        replicas: 1,
        selector: { matchLabels: { app: 'shop-web' } },
        template: {
          metadata: { labels: { app: 'shop-web' } },
          spec: {
            priorityClassName: names.priorityClass,
            containers: [{ name: 'web', image: 'example.invalid/web:1' }],
          },
        },
      },
    },
  });
  await core.createNamespacedEvent({
    namespace: ns,
    body: {
      metadata: { name: `web.${run}` },
      involvedObject: { kind: 'Deployment', name: 'web', namespace: ns },
      reason: 'Tested',
      message: 'an event no backup takes',
      type: 'Normal',
    },
  });

  const custom = kc.makeApiClient(CustomObjectsApi);
  const gizmo = (name: string, labels: Record<string, string>) => ({
    apiVersion: `${group}/v1`,
    kind: `Gizmo${run}`,
    metadata: { name, labels },
    spec: { size: 3 },
  });
  const createGizmo = (body: object) =>
    custom.createNamespacedCustomObject({ group, version: 'v1', namespace: ns, plural, body });
  // A CRD is served a moment after it is Established; the first create retries until it is.
  await waitFor(() => createGizmo(gizmo('big', shop)), { what: `the ${plural} endpoint`, timeoutMs: 30_000 });
  await createGizmo(gizmo('small', {}));
  return { ...names, remove };
}
