import { AppsV1Api, CoreV1Api, type KubeConfig } from '@kubernetes/client-node';
import { waitFor } from '../../world/waitFor.ts';

/** A namespace whose pods rules act on, on kwok's fake node, where exec runs commands on this machine. */
export interface RulePods {
  ns: string;
  /** The names of the three Running pods of Deployment `db` (containers `db`, then `sidecar`), sorted. */
  pods: string[];
  remove(): Promise<void>;
}

/**
 * Creates namespace `rules-<run>` with a ConfigMap to back up and a Deployment `db` of three replicas labelled
 * `app=db, tier=data`, and waits until all three pods run.
 */
export async function createRulePods(kc: KubeConfig, run: string): Promise<RulePods> {
  const ns = `rules-${run}`;
  const core = kc.makeApiClient(CoreV1Api);
  await core.createNamespace({ body: { metadata: { name: ns } } });
  await core.createNamespacedConfigMap({ namespace: ns, body: { metadata: { name: 'settings' }, data: { a: '1' } } });
  const labels = { app: 'db', tier: 'data' };
  await kc.makeApiClient(AppsV1Api).createNamespacedDeployment({
    namespace: ns,
    body: {
      metadata: { name: 'db' },
      spec: {
        replicas: 3,
        selector: { matchLabels: labels },
        template: {
          metadata: { labels },
          spec: {
            containers: [
              { name: 'db', image: 'example.invalid/db:1' },
              { name: 'sidecar', image: 'example.invalid/sidecar:1' },
            ],
          },
        },
      },
    },
  });
  const pods = await waitFor(
    async () => {
      const list = await core.listNamespacedPod({ namespace: ns, labelSelector: 'app=db' });
      const running = list.items.filter((p) => p.status?.phase === 'Running').map((p) => p.metadata?.name ?? '');
      return running.length === 3 && running.sort();
    },
    { what: `three Running db pods in ${ns}`, timeoutMs: 60_000 },
  );
  return {
    ns,
    pods,
    remove: async () => {
      await core.deleteNamespace({ name: ns }).catch(() => undefined);
    },
  };
}
