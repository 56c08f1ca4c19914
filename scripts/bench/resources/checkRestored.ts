import { isDeepStrictEqual } from 'node:util';
import { benchGroup, benchNamespaceName, benchPlural, restoredNamespaceName } from './benchObjects.ts';
import type { KubeRest } from './KubeRest.ts';
import type { ObjectMix } from './ResourcesBenchOptions.ts';

/** Restored objects found in the cluster by kind, and the problems found; empty `problems` means all is there. */
export interface RestoreCheck {
  found: { namespaces: number; configMaps: number; secrets: number; custom: number };
  problems: string[];
}

/** Seeded objects that a restore created: the seeding label and the restore's own label (any value). */
const restoredSelector = 'bench.fleetback.io/seeded=true,fleetback.io/restore';

/**
 * Checks the cluster itself, not the restore's report: every seeded object must exist again in the mapped
 * namespaces, labelled by a restore, and the first object of each kind must carry the source's contents.
 */
export async function checkRestored(kube: KubeRest, namespaces: number, mix: ObjectMix): Promise<RestoreCheck> {
  const found = {
    namespaces: await kube.count('/api/v1/namespaces', restoredSelector),
    configMaps: await kube.count('/api/v1/configmaps', restoredSelector),
    secrets: await kube.count('/api/v1/secrets', restoredSelector),
    custom: mix.custom > 0 ? await kube.count(`/apis/${benchGroup}/v1/${benchPlural}`, restoredSelector) : 0,
  };
  const problems: string[] = [];
  const expected = { namespaces, ...mix };
  for (const [kind, n] of Object.entries(found)) {
    const want = expected[kind as keyof typeof expected];
    if (n !== want) problems.push(`${kind}: ${n} restored objects in the cluster, expected ${want}`);
  }
  const samples = [
    ['configmaps', 'app-config-0', 'data', mix.configMaps],
    ['secrets', 'app-secret-0', 'data', mix.secrets],
    [`${benchPlural}`, 'db-0', 'spec', mix.custom],
  ] as const;
  for (const [resource, name, field, count] of samples) {
    if (count === 0) continue;
    const base = resource === benchPlural ? `/apis/${benchGroup}/v1` : '/api/v1';
    const read = (ns: string) => kube.get<Record<string, unknown>>(`${base}/namespaces/${ns}/${resource}/${name}`);
    const [source, copy] = await Promise.all([read(benchNamespaceName(0)), read(restoredNamespaceName(0))]);
    if (!isDeepStrictEqual(source[field], copy[field])) problems.push(`${resource} ${name}: the restored ${field} differs from the source`);
  }
  return { found, problems };
}
