import { createHash } from 'node:crypto';

/** The benchmark's CRD: a namespaced `Database` of group `bench.fleetback.io`, version v1. */
export const benchGroup = 'bench.fleetback.io';
export const benchPlural = 'databases';
/** How the CRD's objects appear in countsByKind (`kubectl api-resources` name). */
export const benchResource = `${benchPlural}.${benchGroup}`;

/** Labels every seeded object carries, so checks can count them. */
const seededLabel = { 'bench.fleetback.io/seeded': 'true' };

/** `bench-007`: the source namespaces. */
export function benchNamespaceName(i: number): string {
  return `bench-${String(i).padStart(4, '0')}`;
}

/** `restored-007`: where a restore maps `bench-007`. */
export function restoredNamespaceName(i: number): string {
  return `restored-${String(i).padStart(4, '0')}`;
}

/** Stable pseudo-random hex for object `i`, so runs seed the same bytes. */
function hex(i: number, salt: string, length: number): string {
  return createHash('sha256').update(`${salt}/${i}`).digest('hex').slice(0, length);
}

function appLabels(i: number): Record<string, string> {
  return {
    ...seededLabel,
    'app.kubernetes.io/name': `svc-${i % 20}`,
    'app.kubernetes.io/part-of': 'shop',
    'app.kubernetes.io/component': ['api', 'worker', 'web', 'cron'][i % 4] as string,
  };
}

export function benchNamespace(i: number) {
  return {
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: { name: benchNamespaceName(i), labels: { ...seededLabel, team: `team-${i % 7}` } },
  };
}

/** An application's configuration: a ~0.6 KiB YAML file and a few environment values. */
export function aBenchConfigMap(namespace: string, i: number) {
  const service = `svc-${i % 20}`;
  return {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { name: `app-config-${i}`, namespace, labels: appLabels(i), annotations: { 'bench.fleetback.io/revision': String(i % 13) } },
    data: {
      'application.yaml': [
        'server:',
        `  port: ${8000 + (i % 100)}`,
        '  shutdownGracePeriod: 30s',
        'database:',
        `  url: postgres://${service}.${namespace}.svc:5432/${service.replace('-', '_')}`,
        `  poolSize: ${5 + (i % 20)}`,
        '  statementTimeout: 15s',
        'cache:',
        `  redis: redis://cache-${i % 3}.${namespace}.svc:6379/0`,
        `  ttlSeconds: ${60 * (1 + (i % 10))}`,
        'features:',
        `  checkoutV2: ${i % 2 === 0}`,
        `  searchSuggestions: ${i % 3 === 0}`,
        `  experimentBucket: ${hex(i, 'bucket', 8)}`,
        'observability:',
        '  tracing: { sampler: parentbased_traceidratio, ratio: 0.05 }',
        `  metrics: { port: ${9100 + (i % 50)}, path: /metrics }`,
        '',
      ].join('\n'),
      LOG_LEVEL: ['info', 'debug', 'warn'][i % 3] as string,
      REGION: ['eu-west-1', 'us-east-1', 'ap-south-1'][i % 3] as string,
      RELEASE: `2026.${1 + (i % 12)}.${i % 30}`,
    },
  };
}

/** Credentials of an application: an Opaque Secret with a user, a password and an API token. */
export function aBenchSecret(namespace: string, i: number) {
  const b64 = (text: string) => Buffer.from(text).toString('base64');
  return {
    apiVersion: 'v1',
    kind: 'Secret',
    type: 'Opaque',
    metadata: { name: `app-secret-${i}`, namespace, labels: appLabels(i) },
    data: {
      username: b64(`svc_${i % 20}`),
      password: b64(hex(i, 'password', 32)),
      'api-token': b64(`tok_${hex(i, 'token', 48)}`),
      'database-url': b64(`postgres://svc_${i % 20}:${hex(i, 'password', 32)}@db.${namespace}.svc:5432/app`),
    },
  };
}

/** A custom object of the benchmark's CRD: a database as an operator would describe it. */
export function aBenchDatabase(namespace: string, i: number) {
  return {
    apiVersion: `${benchGroup}/v1`,
    kind: 'Database',
    metadata: { name: `db-${i}`, namespace, labels: appLabels(i) },
    spec: {
      engine: i % 4 === 0 ? 'mysql' : 'postgres',
      version: i % 4 === 0 ? '8.4.2' : '16.4',
      replicas: 1 + (i % 3),
      storage: { size: `${10 * (1 + (i % 10))}Gi`, storageClassName: 'standard' },
      backup: { schedule: `${i % 60} 3 * * *`, retainDays: 7 + (i % 24) },
      parameters: { max_connections: String(100 + (i % 5) * 50), shared_buffers: '256MB', work_mem: '4MB' },
      owner: `team-${i % 7}@example.com`,
    },
  };
}

/** The CRD of `aBenchDatabase`: its spec is kept as sent. */
export function benchCrd() {
  return {
    apiVersion: 'apiextensions.k8s.io/v1',
    kind: 'CustomResourceDefinition',
    metadata: { name: benchResource },
    spec: {
      group: benchGroup,
      scope: 'Namespaced',
      names: { plural: benchPlural, singular: 'database', kind: 'Database', listKind: 'DatabaseList' },
      versions: [
        {
          name: 'v1',
          served: true,
          storage: true,
          schema: {
            openAPIV3Schema: {
              type: 'object',
              properties: { spec: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true } },
            },
          },
        },
      ],
    },
  };
}
