import type { BackupSpec } from '#schema/contracts/BackupSpec';
import { discoverResources } from '../kube/discoverResources.ts';
import type { KubeJson } from '../kube/KubeJsonClient.ts';
import { type BackupRequest, resolveBackupRequest } from './BackupRequest.ts';

interface NamespaceList {
  items: { metadata: { name: string }; status?: { phase?: string } }[];
}

/**
 * Reads what resolving a spec needs from the cluster (API discovery and the namespace list) and resolves
 * it. Throws only when the cluster cannot be read at all; partial discovery failures become warnings.
 */
export async function loadBackupRequest(kube: KubeJson, spec: BackupSpec): Promise<BackupRequest> {
  // Namespaces are few (hundreds at most) and small, so one unpaginated list is fine here.
  const [discovery, namespaces] = await Promise.all([
    discoverResources(kube),
    kube.get<NamespaceList>('/api/v1/namespaces'),
  ]);
  return resolveBackupRequest(
    spec,
    discovery,
    namespaces.items.map((ns) => ({ name: ns.metadata.name, phase: ns.status?.phase })),
  );
}
