import { setTimeout as sleep } from 'node:timers/promises';
import type { KubeJson } from '../kube/KubeJsonClient.ts';
import { describeKubeError } from '../kube/KubeJsonClient.ts';

const crdsPath = '/apis/apiextensions.k8s.io/v1/customresourcedefinitions';

interface Crd {
  status?: { conditions?: { type: string; status: string; message?: string }[] };
}

/**
 * Waits until CustomResourceDefinition `name` reports `Established=True`, so its objects can be created.
 * Resolves with undefined when it is, or with the reason it is not after `timeoutMs` (the CRD's own
 * condition message when it has one), for the restore to fail that type's objects with.
 */
export async function waitForEstablished(
  kube: KubeJson,
  name: string,
  timeoutMs: number,
  signal?: AbortSignal,
): Promise<string | undefined> {
  const deadline = Date.now() + timeoutMs;
  let last = 'no Established condition yet';
  for (;;) {
    try {
      const crd = await kube.get<Crd>(`${crdsPath}/${encodeURIComponent(name)}`);
      const established = crd.status?.conditions?.find((c) => c.type === 'Established');
      if (established?.status === 'True') return undefined;
      if (established) last = `Established=${established.status}${established.message ? `: ${established.message}` : ''}`;
    } catch (error) {
      last = `reading it failed: ${describeKubeError(error)}`;
    }
    if (Date.now() >= deadline) {
      return `CustomResourceDefinition ${name} was not Established within ${timeoutMs / 1000}s (${last})`;
    }
    await sleep(250, undefined, { signal });
  }
}
