import type { CollectedItem } from './ItemCollector.ts';

/** The directory standing for the core API group (`v1` ConfigMaps, Secrets, …), whose group name is empty. */
export const coreGroupDirectory = 'core';
/** The directory standing for "no namespace": where cluster-scoped objects go. */
export const clusterScopeDirectory = '_cluster';

/**
 * Where an item lies in the resources archive (format v1):
 * `resources/<group or "core">/<version>/<plural>/<namespace or "_cluster">/<name>.json`.
 *
 * Neither stand-in can meet a real name: an API group other than the core one is a DNS subdomain with a dot
 * (CRDs require one), and a namespace is a DNS label, which has no `_`. Object names never hold `/` and are
 * never `.` or `..` (the API server refuses them), so every item gets a path of its own, and one a
 * filesystem can extract without leaving the target directory.
 */
export function archivePathOf(item: Pick<CollectedItem, 'group' | 'version' | 'resource' | 'namespace' | 'name'>): string {
  const group = item.group === '' ? coreGroupDirectory : item.group;
  const scope = item.namespace ?? clusterScopeDirectory;
  return `resources/${group}/${item.version}/${item.resource}/${scope}/${item.name}.json`;
}
