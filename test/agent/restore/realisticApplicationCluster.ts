import type { KubeWriter } from '../../../agent/src/kube/KubeWriter.ts';
import { waitFor } from '../../world/waitFor.ts';
import { type AppObject, type Manifest, pathOf, type RealisticApplication } from './realisticApplication.ts';

interface PodList {
  items: { metadata: { name: string; ownerReferences?: { kind: string; name: string; uid: string }[] }; spec: { volumes?: { persistentVolumeClaim?: { claimName: string } }[] } }[];
}

/** The application's pods in `namespace` whose `app.kubernetes.io/name` is `name`. */
export function podsOf(kube: KubeWriter, namespace: string, name: string): Promise<PodList> {
  return kube.get<PodList>(`/api/v1/namespaces/${namespace}/pods`, { labelSelector: `app.kubernetes.io/name=${name}` });
}

/**
 * Creates the application in a cluster, in the order `kubectl apply` of a well-ordered manifest would (the
 * CRD, waited for until it serves, before its Widgets), then waits for what the cluster's controllers derive
 * from it — the claim bound to its PV, the Deployment's and StatefulSet's pods, the Job's pod, the Services'
 * EndpointSlices — so a backup finds the application as it runs.
 */
export async function createRealisticApplication(kube: KubeWriter, app: RealisticApplication): Promise<void> {
  const { namespace } = app;
  for (const object of [...app.selected, ...app.unselected]) {
    if (object.manifest.kind === 'Widget' && object === app.selected.find((o) => o.manifest.kind === 'Widget')) {
      await waitFor(() => kube.get(pathOf(object, namespace)).then(() => true), { what: `the CRD ${app.crd.name} to serve` });
    }
    await kube.send('POST', pathOf(object, namespace), object.manifest);
    if (object.manifest.kind === 'ResourceQuota') {
      // Until the quota controller has counted the namespace, admission refuses everything the quota limits.
      const path = pathOf(object, namespace, object.manifest.metadata.name);
      await waitFor(async () => (await kube.get<{ status?: { used?: object } }>(path)).status?.used !== undefined, {
        what: `the quota of ${namespace} to be counted`,
      });
    }
  }
  await waitFor(async () => (await claim(kube, namespace)).status?.phase === 'Bound', {
    what: 'the PVC shop-uploads to bind to its PV',
  });
  for (const [workload, count] of [['shop-web', 2], ['shop-db', 2], ['shop-migrate', 1]] as const) {
    await waitFor(async () => (await podsOf(kube, namespace, workload)).items.length === count, {
      what: `${count} pod(s) of ${workload} in ${namespace}`,
    });
  }
  await waitFor(
    async () => {
      const slices = await kube.get<{ items: unknown[] }>(`/apis/discovery.k8s.io/v1/namespaces/${namespace}/endpointslices`);
      return slices.items.length >= 2;
    },
    { what: `the EndpointSlices of the Services in ${namespace}` },
  );
}

/** The PVC `shop-uploads` in `namespace`, as the cluster has it. */
export function claim(kube: KubeWriter, namespace: string): Promise<Manifest & { spec: { volumeName?: string }; status?: { phase?: string } }> {
  return kube.get(`/api/v1/namespaces/${namespace}/persistentvolumeclaims/shop-uploads`);
}

/**
 * Deletes the application's namespaces (`namespaces`: the source's, or a restored copy's) and its
 * cluster-scoped objects from a cluster; failures are ignored, as the world is thrown away afterwards anyway.
 */
export async function removeRealisticApplication(
  kube: KubeWriter,
  app: RealisticApplication,
  namespaces: string[],
): Promise<void> {
  const ignore = () => undefined;
  for (const namespace of namespaces) await kube.send('DELETE', `/api/v1/namespaces/${namespace}`).catch(ignore);
  for (const object of app.selected.filter((o: AppObject) => !o.namespaced && o.manifest.kind !== 'Namespace').reverse()) {
    await kube.send('DELETE', pathOf(object, undefined, object.manifest.metadata.name)).catch(ignore);
  }
}
