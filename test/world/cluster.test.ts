import { Writable } from 'node:stream';
import {
  ApiException,
  ApiextensionsV1Api,
  AppsV1Api,
  CoreV1Api,
  CustomObjectsApi,
  Exec,
  KubeConfig,
  RbacAuthorizationV1Api,
  type V1Status,
} from '@kubernetes/client-node';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { fakeNodeName } from './cluster/createFakeNode.ts';
import type { ClusterInfo } from './WorldInfo.ts';
import { waitFor } from './waitFor.ts';

// Proof that the world's clusters are real Kubernetes: the API, CRDs, RBAC, controllers and kwok's fake
// kubelet all behave as the agent will expect them to.
const world = inject('world');
const run = Date.now().toString(36);

function adminConfig(cluster: ClusterInfo): KubeConfig {
  const kc = new KubeConfig();
  kc.loadFromFile(cluster.kubeconfigPath);
  return kc;
}

/** The HTTP status of a failed client-node call, to assert on denials. */
async function statusOf(call: Promise<unknown>): Promise<number> {
  try {
    await call;
    return 200;
  } catch (error) {
    if (error instanceof ApiException) return error.code;
    throw error;
  }
}

describe.each(['a', 'b'])('world cluster %s', (name) => {
  const cluster = world.clusters.find((c) => c.name === name);

  describe.skipIf(!cluster)('api', () => {
    let kc: KubeConfig;
    let core: CoreV1Api;
    const ns = `proof-${run}`;

    beforeAll(async () => {
      kc = adminConfig(cluster as ClusterInfo);
      core = kc.makeApiClient(CoreV1Api);
      await core.createNamespace({ body: { metadata: { name: ns } } });
    });
    afterAll(async () => {
      await core?.deleteNamespace({ name: ns }).catch(() => undefined);
    });

    it('stores and returns a ConfigMap', async () => {
      await core.createNamespacedConfigMap({
        namespace: ns,
        body: { metadata: { name: 'settings' }, data: { color: 'blue' } },
      });
      const read = await core.readNamespacedConfigMap({ name: 'settings', namespace: ns });
      expect(read.data).toEqual({ color: 'blue' });
      expect((await core.readNamespace({ name: ns })).status?.phase).toBe('Active');
    });

    it('serves a CRD once Established, and lists custom objects by label', async () => {
      const group = 'proof.world.fleetback.io';
      const crdName = `widgets${run}.${group}`;
      const plural = `widgets${run}`;
      const ext = kc.makeApiClient(ApiextensionsV1Api);
      await ext.createCustomResourceDefinition({
        body: {
          metadata: { name: crdName },
          spec: {
            group,
            scope: 'Namespaced',
            names: { plural, singular: `widget${run}`, kind: `Widget${run}`, listKind: `Widget${run}List` },
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
      try {
        await waitFor(
          async () => {
            const crd = await ext.readCustomResourceDefinition({ name: crdName });
            return crd.status?.conditions?.some((c) => c.type === 'Established' && c.status === 'True');
          },
          { what: `${crdName} to be Established`, timeoutMs: 30_000 },
        );
        const custom = kc.makeApiClient(CustomObjectsApi);
        const widget = (objName: string, tier: string) => ({
          apiVersion: `${group}/v1`,
          kind: `Widget${run}`,
          metadata: { name: objName, labels: { tier } },
          spec: { size: 3 },
        });
        // Established can precede the REST handler by a moment; the first create retries until served.
        await waitFor(
          async () =>
            custom.createNamespacedCustomObject({
              group,
              version: 'v1',
              namespace: ns,
              plural,
              body: widget('front', 'web'),
            }),
          { what: `the ${plural} endpoint`, timeoutMs: 30_000 },
        );
        await custom.createNamespacedCustomObject({
          group,
          version: 'v1',
          namespace: ns,
          plural,
          body: widget('back', 'db'),
        });
        const list = (await custom.listNamespacedCustomObject({
          group,
          version: 'v1',
          namespace: ns,
          plural,
          labelSelector: 'tier=web',
        })) as { items: { metadata: { name: string }; spec: { size: number } }[] };
        expect(list.items.map((i) => i.metadata.name)).toEqual(['front']);
        expect(list.items[0]?.spec.size).toBe(3);
      } finally {
        await ext.deleteCustomResourceDefinition({ name: crdName }).catch(() => undefined);
      }
    });

    it('authenticates ServiceAccount tokens and enforces RBAC', async () => {
      await core.createNamespacedServiceAccount({ namespace: ns, body: { metadata: { name: 'nobody' } } });
      const request = await core.createNamespacedServiceAccountToken({
        name: 'nobody',
        namespace: ns,
        body: { spec: { audiences: [], expirationSeconds: 600 } },
      });
      const token = request.status?.token;
      expect(token).toBeTruthy();
      const asNobody = new KubeConfig();
      asNobody.loadFromClusterAndUser(
        { name, server: cluster?.server ?? '', caFile: cluster?.caFile, skipTLSVerify: false },
        { name: 'nobody', token },
      );
      const nobody = asNobody.makeApiClient(CoreV1Api);
      // 403, not 401: the token is accepted, only authorization says no.
      expect(await statusOf(nobody.listNamespacedPod({ namespace: ns }))).toBe(403);
      expect(await statusOf(nobody.listNamespacedSecret({ namespace: ns }))).toBe(403);

      await kc.makeApiClient(RbacAuthorizationV1Api).createNamespacedRoleBinding({
        namespace: ns,
        body: {
          metadata: { name: 'nobody-views' },
          roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'view' },
          subjects: [{ kind: 'ServiceAccount', name: 'nobody', namespace: ns }],
        },
      });
      await waitFor(async () => (await statusOf(nobody.listNamespacedPod({ namespace: ns }))) === 200, {
        what: 'the RoleBinding to take effect',
        timeoutMs: 10_000,
      });
      expect(await statusOf(nobody.listNamespacedSecret({ namespace: ns }))).toBe(403);
    });

    describe.skipIf(!cluster?.kwok || !cluster?.controllerManager || !cluster?.scheduler)(
      'workloads on kwok',
      () => {
        it('schedules a Deployment onto the fake node and execs into its pod', async () => {
          const labels = { app: 'web' };
          await kc.makeApiClient(AppsV1Api).createNamespacedDeployment({
            namespace: ns,
            body: {
              metadata: { name: 'web' },
              spec: {
                replicas: 1,
                selector: { matchLabels: labels },
                template: {
                  metadata: { labels },
                  spec: {
                    containers: [{ name: 'app', image: 'example.invalid/web:1' }],
                  },
                },
              },
            },
          });
          const pod = await waitFor(
            async () => {
              const pods = await core.listNamespacedPod({ namespace: ns, labelSelector: 'app=web' });
              return pods.items.find((p) => p.status?.phase === 'Running');
            },
            { what: 'a Running web pod', timeoutMs: 60_000 },
          );
          expect(pod.spec?.nodeName).toBe(fakeNodeName);
          expect(pod.status?.containerStatuses?.[0]?.ready).toBe(true);

          const podName = pod.metadata?.name ?? '';
          const hello = await exec(kc, ns, podName, 'app', [
            'sh',
            '-c',
            'echo "hello from $FLEETBACK_CLUSTER"',
          ]);
          expect(hello.status.status).toBe('Success');
          expect(hello.stdout).toBe(`hello from ${name}\n`);

          const failing = await exec(kc, ns, podName, 'app', ['sh', '-c', 'echo oops >&2; exit 3']);
          expect(failing.status.status).toBe('Failure');
          // A kubelet reports `causes: [{reason: 'ExitCode', message: '3'}]`; kwok only says so in the message.
          expect(failing.status.message).toContain('exit status 3');
          expect(failing.stderr).toBe('oops\n');
        });
      },
    );
  });
});

it.skipIf(world.clusters.length < 2)('world clusters are independent of each other', async () => {
  const [a, b] = world.clusters.map((c) => adminConfig(c).makeApiClient(CoreV1Api)) as [CoreV1Api, CoreV1Api];
  const name = `only-in-a-${run}`;
  await a.createNamespace({ body: { metadata: { name } } });
  try {
    expect(await statusOf(b.readNamespace({ name }))).toBe(404);
  } finally {
    await a.deleteNamespace({ name });
  }
});

/** Runs a command in a container through the exec API and collects its output and final status. */
async function exec(
  kc: KubeConfig,
  namespace: string,
  pod: string,
  container: string,
  command: string[],
): Promise<{ stdout: string; stderr: string; status: V1Status }> {
  const output = { stdout: '', stderr: '' };
  const sink = (key: keyof typeof output) =>
    new Writable({
      write(chunk: Buffer, _encoding, done) {
        output[key] += chunk.toString('utf8');
        done();
      },
    });
  const status = await new Promise<V1Status>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`exec ${command.join(' ')} timed out`)), 30_000);
    new Exec(kc)
      .exec(namespace, pod, container, command, sink('stdout'), sink('stderr'), null, false, (s) => {
        clearTimeout(timer);
        resolve(s);
      })
      .catch((error: unknown) => {
        clearTimeout(timer);
        reject(error);
      });
  });
  return { ...output, status };
}
