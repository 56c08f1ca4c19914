import { CustomObjectsApi, type KubeConfig } from '@kubernetes/client-node';
import { isNotFound } from '../kube/KubeJsonClient.ts';

/** A resource by API group, version and plural, e.g. `snapshot.storage.k8s.io/v1 volumesnapshotclasses`. */
export interface GroupVersionResource {
  group: string;
  version: string;
  plural: string;
}

/**
 * Whether the cluster serves a resource, by asking API discovery. False when the group/version is unknown
 * (its CRD is not installed); any other failure is thrown, because it says nothing either way.
 */
export async function servesResource(
  kubeConfig: KubeConfig,
  resource: GroupVersionResource,
): Promise<boolean> {
  try {
    const { group, version } = resource;
    const list = await kubeConfig.makeApiClient(CustomObjectsApi).getAPIResources({ group, version });
    return list.resources.some((r) => r.name === resource.plural);
  } catch (error) {
    if (isNotFound(error)) return false;
    throw error;
  }
}
