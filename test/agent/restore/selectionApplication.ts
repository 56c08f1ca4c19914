import type { KubeWriter } from '../../../agent/src/kube/KubeWriter.ts';
import type { KubeObject } from '../../../agent/src/restore/KubeObject.ts';
import { waitFor } from '../../world/waitFor.ts';

/**
 * Two applications in one cluster, each in its namespace and each with cluster-scoped objects of its own, for
 * restores that select one of them. `app` has: a ConfigMap applied with `kubectl apply` (its
 * last-applied-configuration names the namespace), a ServiceAccount, a RoleBinding granting its own
 * ClusterRole, a static PV of its own StorageClass and the PVC bound to it by `volumeName`, a Deployment (no
 * replicas) whose pods take its own PriorityClass, a Service with a selector, and a custom object of its own
 * CRD. `other` has a RoleBinding granting cluster-admin and a PVC of its own PV: none of which a restore of
 * `app` may touch.
 */
export interface SelectionApplication {
  app: string;
  other: string;
  /** The cluster-scoped objects `app`'s objects need, by `kubectl api-resources` name and name. */
  needed: { type: string; name: string }[];
  crdPath: string;
}

const rbac = '/apis/rbac.authorization.k8s.io/v1';
const crds = '/apis/apiextensions.k8s.io/v1/customresourcedefinitions';

export async function createSelectionApplication(kube: KubeWriter, run: string): Promise<SelectionApplication> {
  const app = `sel-app-${run}`;
  const other = `sel-other-${run}`;
  const group = 'sel.world.fleetback.io';
  const plural = `gadgets${run}`;
  const names = {
    role: `sel-reader-${run}`,
    otherRole: `sel-other-${run}`,
    storageClass: `sel-sc-${run}`,
    pv: `sel-pv-${run}`,
    otherPv: `sel-pv-other-${run}`,
    priority: `sel-prio-${run}`,
    crd: `${plural}.${group}`,
  };
  const post = (path: string, object: object) => kube.send('POST', path, object);
  const ns = (name: string) => `/api/v1/namespaces/${name}`;

  await post(crds, {
    apiVersion: 'apiextensions.k8s.io/v1',
    kind: 'CustomResourceDefinition',
    metadata: { name: names.crd },
    spec: {
      group,
      scope: 'Namespaced',
      names: { plural, singular: `gadget${run}`, kind: `Gadget${run}` },
      versions: [{ name: 'v1', served: true, storage: true, schema: { openAPIV3Schema: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true } } }],
    },
  });
  await post('/api/v1/namespaces', { apiVersion: 'v1', kind: 'Namespace', metadata: { name: app } });
  await post('/api/v1/namespaces', { apiVersion: 'v1', kind: 'Namespace', metadata: { name: other } });
  await post('/apis/storage.k8s.io/v1/storageclasses', {
    apiVersion: 'storage.k8s.io/v1',
    kind: 'StorageClass',
    metadata: { name: names.storageClass },
    provisioner: 'kubernetes.io/no-provisioner',
  });
  for (const [pv, namespace] of [[names.pv, app], [names.otherPv, other]] as const) {
    await post('/api/v1/persistentvolumes', {
      apiVersion: 'v1',
      kind: 'PersistentVolume',
      metadata: { name: pv },
      spec: {
        capacity: { storage: '1Gi' },
        accessModes: ['ReadWriteOnce'],
        storageClassName: namespace === app ? names.storageClass : '',
        hostPath: { path: `/tmp/${pv}` },
        claimRef: { namespace, name: 'data' },
      },
    });
    await post(`${ns(namespace)}/persistentvolumeclaims`, {
      apiVersion: 'v1',
      kind: 'PersistentVolumeClaim',
      metadata: { name: 'data' },
      spec: {
        accessModes: ['ReadWriteOnce'],
        storageClassName: namespace === app ? names.storageClass : '',
        volumeName: pv,
        resources: { requests: { storage: '1Gi' } },
      },
    });
  }
  for (const [role, namespace] of [[names.role, app], [names.otherRole, other]] as const) {
    await post(`${rbac}/clusterroles`, {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'ClusterRole',
      metadata: { name: role },
      rules: [{ apiGroups: [''], resources: ['configmaps'], verbs: ['get'] }],
    });
    await post(`${rbac}/namespaces/${namespace}/rolebindings`, {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'RoleBinding',
      metadata: { name: 'readers' },
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: role },
      subjects: [{ kind: 'ServiceAccount', name: 'default', namespace }],
    });
  }
  await post(`${rbac}/namespaces/${other}/rolebindings`, {
    apiVersion: 'rbac.authorization.k8s.io/v1',
    kind: 'RoleBinding',
    metadata: { name: 'admins' },
    roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'cluster-admin' },
    subjects: [{ kind: 'ServiceAccount', name: 'default', namespace: other }],
  });
  await post('/apis/scheduling.k8s.io/v1/priorityclasses', {
    apiVersion: 'scheduling.k8s.io/v1',
    kind: 'PriorityClass',
    metadata: { name: names.priority },
    value: 1000,
  });
  const settings = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'settings', namespace: app }, data: { mode: 'fast' } };
  await post(`${ns(app)}/configmaps`, {
    ...settings,
    metadata: { ...settings.metadata, annotations: { 'kubectl.kubernetes.io/last-applied-configuration': `${JSON.stringify(settings)}\n` } },
  });
  await post(`${ns(app)}/serviceaccounts`, { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'web' } });
  const labels = { app: 'web' };
  await post(`${ns(app)}/services`, {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: 'web', labels },
    spec: { selector: labels, ports: [{ port: 80, targetPort: 8080 }] },
  });
  await post(`/apis/apps/v1/namespaces/${app}/deployments`, {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web', labels },
    spec: {
      replicas: 0,
      selector: { matchLabels: labels },
      template: {
        metadata: { labels },
        spec: { priorityClassName: names.priority, serviceAccountName: 'web', containers: [{ name: 'web', image: 'example.com/web:1' }] },
      },
    },
  });
  const crdPath = `/apis/${group}/v1/namespaces/${app}/${plural}`;
  await waitFor(() => kube.get(crdPath).then(() => true, () => false), { what: `the CRD ${names.crd} to serve` });
  await post(crdPath, { apiVersion: `${group}/v1`, kind: `Gadget${run}`, metadata: { name: 'g1' }, spec: { size: 3 } });

  return {
    app,
    other,
    crdPath,
    needed: [
      { type: 'customresourcedefinitions.apiextensions.k8s.io', name: names.crd },
      { type: 'namespaces', name: app },
      { type: 'storageclasses.storage.k8s.io', name: names.storageClass },
      { type: 'persistentvolumes', name: names.pv },
      { type: 'clusterroles.rbac.authorization.k8s.io', name: names.role },
      { type: 'priorityclasses.scheduling.k8s.io', name: names.priority },
    ],
  };
}

/** The object at `path`, or undefined when the cluster does not have it. */
export async function readIfAny(kube: KubeWriter, path: string): Promise<KubeObject | undefined> {
  return kube.get<KubeObject>(path).catch(() => undefined);
}
