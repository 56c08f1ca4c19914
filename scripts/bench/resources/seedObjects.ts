import { performance } from 'node:perf_hooks';
import { waitFor } from '../../../test/world/waitFor.ts';
import { forEachLimited } from '../fleet/forEachLimited.ts';
import type { ObjectMix } from './ResourcesBenchOptions.ts';
import {
  aBenchConfigMap,
  aBenchDatabase,
  aBenchSecret,
  benchCrd,
  benchGroup,
  benchNamespace,
  benchNamespaceName,
  benchPlural,
  benchResource,
} from './benchObjects.ts';
import type { KubeRest } from './KubeRest.ts';

export interface SeedOptions {
  namespaces: number;
  mix: ObjectMix;
  concurrency: number;
  log(message: string): void;
}

/** What seeding took; its time is reported apart from the backup and restore figures. */
export interface SeedResult {
  seconds: number;
  objectsPerSecond: number;
}

/**
 * Creates the benchmark's namespaces, its CRD (waiting until it is Established) and every object of `mix`,
 * each kind spread round-robin over the namespaces, `concurrency` creates in flight. Throws on the first
 * create that fails.
 */
export async function seedObjects(kube: KubeRest, options: SeedOptions): Promise<SeedResult> {
  const { namespaces, mix, concurrency, log } = options;
  const start = performance.now();
  await forEachLimited(namespaces, concurrency, async (i) => {
    await kube.post('/api/v1/namespaces', benchNamespace(i));
  });
  if (mix.custom > 0) {
    await kube.post('/apis/apiextensions.k8s.io/v1/customresourcedefinitions', benchCrd());
    await waitFor(
      async () => {
        const crd = await kube.get<{ status?: { conditions?: { type: string; status: string }[] } }>(
          `/apis/apiextensions.k8s.io/v1/customresourcedefinitions/${benchResource}`,
        );
        return crd.status?.conditions?.some((c) => c.type === 'Established' && c.status === 'True');
      },
      { what: `CRD ${benchResource} to be Established`, timeoutMs: 60_000 },
    );
  }

  const kinds = [
    { count: mix.configMaps, create: (ns: string, i: number) => kube.post(`/api/v1/namespaces/${ns}/configmaps`, aBenchConfigMap(ns, i)) },
    { count: mix.secrets, create: (ns: string, i: number) => kube.post(`/api/v1/namespaces/${ns}/secrets`, aBenchSecret(ns, i)) },
    {
      count: mix.custom,
      create: (ns: string, i: number) => kube.post(`/apis/${benchGroup}/v1/namespaces/${ns}/${benchPlural}`, aBenchDatabase(ns, i)),
    },
  ];
  const total = kinds.reduce((sum, k) => sum + k.count, 0);
  let done = 0;
  let lastLog = performance.now();
  // Interleaved, so every moment of seeding writes every kind: object n is kind n % 3 while that kind lasts.
  const order: [kind: number, index: number][] = [];
  for (let i = 0, placed = 0; placed < total; i++) {
    for (const [k, kind] of kinds.entries()) {
      if (i < kind.count) {
        order.push([k, i]);
        placed++;
      }
    }
  }
  await forEachLimited(order.length, concurrency, async (n) => {
    const [k, i] = order[n] as [number, number];
    await (kinds[k] as (typeof kinds)[number]).create(benchNamespaceName(i % namespaces), i);
    done++;
    if (performance.now() - lastLog > 5_000) {
      lastLog = performance.now();
      log(`seeded ${done} of ${total} objects`);
    }
  });
  const seconds = (performance.now() - start) / 1000;
  return { seconds, objectsPerSecond: total / seconds };
}
