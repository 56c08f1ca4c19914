/** A Kubernetes object as JSON, as sent to and read from the API server. */
export interface Manifest {
  apiVersion: string;
  kind: string;
  metadata: {
    name: string;
    namespace?: string;
    labels?: Record<string, string>;
    annotations?: Record<string, string>;
    [field: string]: unknown;
  };
  [field: string]: unknown;
}

/** One object of the application, with what it takes to address it. */
export interface AppObject {
  /** The type as `kubectl api-resources` names it (and restore items report it): `deployments.apps`. */
  type: string;
  /** Plural resource name, as in URLs. */
  resource: string;
  namespaced: boolean;
  manifest: Manifest;
}

/** The label every object of the application carries; backups select the application with it. */
export const partOf = { 'app.kubernetes.io/part-of': 'shop' } as const;
export const partOfSelector = 'app.kubernetes.io/part-of=shop';

/** The application's names, unique per `id` so that several copies can live in one cluster. */
export interface RealisticApplication {
  id: string;
  namespace: string;
  /** The custom resource type: group `<id>.shop.example.com`, plural `widgets`. */
  crd: { name: string; group: string; plural: string };
  pv: string;
  storageClass: string;
  /** The node port the user chose for the Service `shop-web`'s `http` port (kubectl apply records it). */
  chosenNodePort: number;
  /** Everything labelled `partOf`, in creation order: the cluster-scoped objects first, then the Namespace. */
  selected: AppObject[];
  /** Objects in the namespace without the label: a backup by label must not take them. */
  unselected: AppObject[];
}

/**
 * A shop as a team would deploy it with `kubectl apply` (every object carries the last-applied annotation):
 * a CRD with two Widgets, RBAC to a ServiceAccount (Role, ClusterRole and their bindings), ConfigMap with
 * binaryData, Opaque and TLS Secrets, a static PV with its bound PVC, a Deployment and a StatefulSet (with a
 * volumeClaimTemplate of a StorageClass), NodePort and headless Services, Ingress, HPA, NetworkPolicy, PDB,
 * CronJob, Job, ResourceQuota, LimitRange and a PriorityClass both workloads use. Pure: builds manifests only.
 */
export function realisticApplication(id: string, chosenNodePort: number): RealisticApplication {
  const namespace = `shop-${id}`;
  const group = `${id}.shop.example.com`;
  const crd = { name: `widgets.${group}`, group, plural: 'widgets' };
  const names = {
    priorityClass: `shop-${id}-critical`,
    storageClass: `shop-${id}-local`,
    pv: `shop-${id}-uploads`,
    clusterRole: `shop-${id}-widget-reader`,
  };
  const web = { 'app.kubernetes.io/name': 'shop-web' };
  const db = { 'app.kubernetes.io/name': 'shop-db' };
  const labelled = (extra: Record<string, string> = {}) => ({ ...partOf, ...extra });
  const cluster = (type: string, apiVersion: string, kind: string, name: string, body: object): AppObject =>
    object(type, false, { apiVersion, kind, metadata: { name, labels: labelled() }, ...body });
  const local = (type: string, apiVersion: string, kind: string, name: string, body: object, labels: Record<string, string> = labelled()) =>
    object(type, true, { apiVersion, kind, metadata: { name, namespace, labels }, ...body });
  const podBasics = { serviceAccountName: 'shop', priorityClassName: names.priorityClass };
  const rbacGroup = 'rbac.authorization.k8s.io';
  const shopAccount = [{ kind: 'ServiceAccount', name: 'shop', namespace }];

  const selected: AppObject[] = [
    cluster('customresourcedefinitions.apiextensions.k8s.io', 'apiextensions.k8s.io/v1', 'CustomResourceDefinition', crd.name, {
      spec: {
        group,
        scope: 'Namespaced',
        names: { plural: 'widgets', singular: 'widget', kind: 'Widget', listKind: 'WidgetList' },
        versions: [
          {
            name: 'v1',
            served: true,
            storage: true,
            subresources: { status: {} },
            additionalPrinterColumns: [{ name: 'Size', type: 'integer', jsonPath: '.spec.size' }],
            schema: {
              openAPIV3Schema: {
                type: 'object',
                properties: {
                  spec: {
                    type: 'object',
                    properties: {
                      size: { type: 'integer', minimum: 1 },
                      colour: { type: 'string' },
                      parts: { type: 'array', items: { type: 'string' } },
                    },
                  },
                  status: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true },
                },
              },
            },
          },
        ],
      },
    }),
    cluster('priorityclasses.scheduling.k8s.io', 'scheduling.k8s.io/v1', 'PriorityClass', names.priorityClass, {
      value: 100_000,
      globalDefault: false,
      description: 'The shop: evicted after batch work.',
    }),
    cluster('storageclasses.storage.k8s.io', 'storage.k8s.io/v1', 'StorageClass', names.storageClass, {
      provisioner: 'kubernetes.io/no-provisioner',
      volumeBindingMode: 'WaitForFirstConsumer',
      reclaimPolicy: 'Retain',
    }),
    cluster(`clusterroles.${rbacGroup}`, `${rbacGroup}/v1`, 'ClusterRole', names.clusterRole, {
      rules: [{ apiGroups: [group], resources: ['widgets'], verbs: ['get', 'list', 'watch'] }],
    }),
    cluster('persistentvolumes', 'v1', 'PersistentVolume', names.pv, {
      spec: {
        capacity: { storage: '1Gi' },
        accessModes: ['ReadWriteOnce'],
        persistentVolumeReclaimPolicy: 'Retain',
        storageClassName: '',
        hostPath: { path: `/var/lib/shop/${id}/uploads`, type: 'DirectoryOrCreate' },
      },
    }),
    cluster('namespaces', 'v1', 'Namespace', namespace, {}),
    local('resourcequotas', 'v1', 'ResourceQuota', 'shop', {
      spec: {
        hard: {
          pods: '40',
          services: '10',
          'services.nodeports': '4',
          persistentvolumeclaims: '10',
          configmaps: '20',
          secrets: '20',
        },
      },
    }),
    local('limitranges', 'v1', 'LimitRange', 'shop', {
      spec: {
        limits: [
          { type: 'Container', default: { cpu: '500m', memory: '256Mi' }, defaultRequest: { cpu: '100m', memory: '128Mi' } },
        ],
      },
    }),
    local('serviceaccounts', 'v1', 'ServiceAccount', 'shop', {}),
    local(`roles.${rbacGroup}`, `${rbacGroup}/v1`, 'Role', 'shop-config-reader', {
      rules: [
        { apiGroups: [''], resources: ['configmaps'], verbs: ['get', 'list', 'watch'] },
        { apiGroups: [''], resources: ['secrets'], resourceNames: ['shop-db'], verbs: ['get'] },
      ],
    }),
    local(`rolebindings.${rbacGroup}`, `${rbacGroup}/v1`, 'RoleBinding', 'shop-config-reader', {
      roleRef: { apiGroup: rbacGroup, kind: 'Role', name: 'shop-config-reader' },
      subjects: shopAccount,
    }),
    local(`rolebindings.${rbacGroup}`, `${rbacGroup}/v1`, 'RoleBinding', 'shop-widget-reader', {
      roleRef: { apiGroup: rbacGroup, kind: 'ClusterRole', name: names.clusterRole },
      subjects: shopAccount,
    }),
    local('configmaps', 'v1', 'ConfigMap', 'shop-settings', {
      data: { 'app.properties': 'currency=EUR\npage.size=25\n', LOG_LEVEL: 'info' },
      binaryData: { 'logo.png': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 255]).toString('base64') },
    }),
    local('secrets', 'v1', 'Secret', 'shop-db', {
      type: 'Opaque',
      data: { username: base64('shop'), password: base64('s3cret-for-the-db') },
    }),
    local('secrets', 'v1', 'Secret', 'shop-tls', {
      type: 'kubernetes.io/tls',
      data: {
        'tls.crt': base64('-----BEGIN CERTIFICATE-----\nMIIBshop\n-----END CERTIFICATE-----\n'),
        'tls.key': base64('-----BEGIN PRIVATE KEY-----\nMIIEshop\n-----END PRIVATE KEY-----\n'),
      },
    }),
    local('persistentvolumeclaims', 'v1', 'PersistentVolumeClaim', 'shop-uploads', {
      spec: {
        accessModes: ['ReadWriteOnce'],
        storageClassName: '',
        volumeName: names.pv,
        resources: { requests: { storage: '1Gi' } },
      },
    }),
    local('services', 'v1', 'Service', 'shop-web', {
      spec: {
        type: 'NodePort',
        selector: web,
        ports: [
          { name: 'http', port: 80, targetPort: 'http', nodePort: chosenNodePort },
          { name: 'metrics', port: 9090, targetPort: 'metrics' },
        ],
      },
    }),
    local('services', 'v1', 'Service', 'shop-db', {
      spec: { clusterIP: 'None', selector: db, ports: [{ name: 'postgres', port: 5432 }] },
    }),
    local('deployments.apps', 'apps/v1', 'Deployment', 'shop-web', {
      spec: {
        replicas: 2,
        selector: { matchLabels: web },
        template: {
          metadata: { labels: labelled(web) },
          spec: {
            ...podBasics,
            containers: [
              {
                name: 'web',
                image: 'registry.example.com/shop/web:1.4.2',
                ports: [
                  { name: 'http', containerPort: 8080 },
                  { name: 'metrics', containerPort: 9090 },
                ],
                envFrom: [{ configMapRef: { name: 'shop-settings' } }],
                env: [{ name: 'DB_PASSWORD', valueFrom: { secretKeyRef: { name: 'shop-db', key: 'password' } } }],
                readinessProbe: { httpGet: { path: '/healthz', port: 'http' } },
                resources: { requests: { cpu: '100m', memory: '128Mi' }, limits: { memory: '256Mi' } },
                volumeMounts: [
                  { name: 'uploads', mountPath: '/srv/uploads' },
                  { name: 'tls', mountPath: '/etc/tls', readOnly: true },
                ],
              },
            ],
            volumes: [
              { name: 'uploads', persistentVolumeClaim: { claimName: 'shop-uploads' } },
              { name: 'tls', secret: { secretName: 'shop-tls' } },
            ],
          },
        },
      },
    }),
    local('statefulsets.apps', 'apps/v1', 'StatefulSet', 'shop-db', {
      spec: {
        serviceName: 'shop-db',
        replicas: 2,
        podManagementPolicy: 'Parallel',
        selector: { matchLabels: db },
        template: {
          metadata: { labels: labelled(db) },
          spec: {
            ...podBasics,
            containers: [
              {
                name: 'postgres',
                image: 'registry.example.com/postgres:17',
                ports: [{ name: 'postgres', containerPort: 5432 }],
                env: [{ name: 'POSTGRES_PASSWORD', valueFrom: { secretKeyRef: { name: 'shop-db', key: 'password' } } }],
                volumeMounts: [{ name: 'data', mountPath: '/var/lib/postgresql/data' }],
              },
            ],
          },
        },
        volumeClaimTemplates: [
          {
            metadata: { name: 'data', labels: labelled() },
            spec: {
              accessModes: ['ReadWriteOnce'],
              storageClassName: names.storageClass,
              resources: { requests: { storage: '2Gi' } },
            },
          },
        ],
      },
    }),
    local('ingresses.networking.k8s.io', 'networking.k8s.io/v1', 'Ingress', 'shop-web', {
      spec: {
        ingressClassName: 'nginx',
        tls: [{ hosts: ['shop.example.com'], secretName: 'shop-tls' }],
        rules: [
          {
            host: 'shop.example.com',
            http: {
              paths: [
                { path: '/', pathType: 'Prefix', backend: { service: { name: 'shop-web', port: { name: 'http' } } } },
              ],
            },
          },
        ],
      },
    }),
    local('horizontalpodautoscalers.autoscaling', 'autoscaling/v2', 'HorizontalPodAutoscaler', 'shop-web', {
      spec: {
        scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'shop-web' },
        minReplicas: 2,
        maxReplicas: 6,
        metrics: [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 70 } } }],
      },
    }),
    local('networkpolicies.networking.k8s.io', 'networking.k8s.io/v1', 'NetworkPolicy', 'shop-db', {
      spec: {
        podSelector: { matchLabels: db },
        policyTypes: ['Ingress'],
        ingress: [{ from: [{ podSelector: { matchLabels: web } }], ports: [{ protocol: 'TCP', port: 5432 }] }],
      },
    }),
    local('poddisruptionbudgets.policy', 'policy/v1', 'PodDisruptionBudget', 'shop-db', {
      spec: { minAvailable: 1, selector: { matchLabels: db } },
    }),
    local('cronjobs.batch', 'batch/v1', 'CronJob', 'shop-report', {
      spec: {
        schedule: '17 3 * * *',
        timeZone: 'Etc/UTC',
        concurrencyPolicy: 'Forbid',
        jobTemplate: {
          metadata: { labels: labelled() },
          spec: {
            template: {
              metadata: { labels: labelled({ 'app.kubernetes.io/name': 'shop-report' }) },
              spec: {
                ...podBasics,
                restartPolicy: 'OnFailure',
                containers: [{ name: 'report', image: 'registry.example.com/shop/report:1.4.2', args: ['--daily'] }],
              },
            },
          },
        },
      },
    }),
    local('jobs.batch', 'batch/v1', 'Job', 'shop-migrate', {
      spec: {
        backoffLimit: 2,
        template: {
          metadata: { labels: labelled({ 'app.kubernetes.io/name': 'shop-migrate' }) },
          spec: {
            ...podBasics,
            restartPolicy: 'Never',
            containers: [{ name: 'migrate', image: 'registry.example.com/shop/web:1.4.2', args: ['migrate'] }],
          },
        },
      },
    }),
    local(`widgets.${group}`, `${group}/v1`, 'Widget', 'shop-widget-a', {
      spec: { size: 3, colour: 'blue', parts: ['frame', 'wheel', 'wheel'] },
    }),
    local(`widgets.${group}`, `${group}/v1`, 'Widget', 'shop-widget-b', { spec: { size: 1, colour: 'red' } }),
  ];
  const unselected = [
    local('configmaps', 'v1', 'ConfigMap', 'unrelated-config', { data: { owner: 'another team' } }, {}),
    local('secrets', 'v1', 'Secret', 'unrelated-secret', { type: 'Opaque', data: { token: base64('not ours') } }, {}),
    local(`widgets.${group}`, `${group}/v1`, 'Widget', 'stray', { spec: { size: 9 } }, { 'app.kubernetes.io/part-of': 'other' }),
  ];
  return { id, namespace, crd, pv: names.pv, storageClass: names.storageClass, chosenNodePort, selected, unselected };
}

/** The API path of an object's collection (`name` undefined) or of the object, in `namespace` when namespaced. */
export function pathOf(object: AppObject, namespace: string | undefined, name?: string): string {
  const { apiVersion } = object.manifest;
  const base = apiVersion.includes('/') ? `/apis/${apiVersion}` : `/api/${apiVersion}`;
  const scope = object.namespaced ? `/namespaces/${namespace}` : '';
  return `${base}${scope}/${object.resource}${name === undefined ? '' : `/${name}`}`;
}

/** An object as `kubectl apply` creates it: annotated with the manifest it was applied from. */
function object(type: string, namespaced: boolean, manifest: Manifest): AppObject {
  const applied = JSON.stringify(manifest);
  manifest.metadata.annotations = { 'kubectl.kubernetes.io/last-applied-configuration': `${applied}\n` };
  return { type, resource: type.split('.')[0] as string, namespaced, manifest };
}

function base64(text: string): string {
  return Buffer.from(text).toString('base64');
}
