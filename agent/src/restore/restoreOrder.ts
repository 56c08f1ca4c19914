/** The restore's dependency tiers, by `kubectl api-resources` name; anything not listed follows them. */
const tiers: readonly (readonly string[])[] = [
  ['customresourcedefinitions.apiextensions.k8s.io'],
  ['namespaces'],
  ['storageclasses.storage.k8s.io', 'persistentvolumes', 'persistentvolumeclaims'],
  ['serviceaccounts'],
  ['clusterroles.rbac.authorization.k8s.io', 'roles.rbac.authorization.k8s.io'],
  ['clusterrolebindings.rbac.authorization.k8s.io', 'rolebindings.rbac.authorization.k8s.io'],
  ['configmaps', 'secrets', 'limitranges', 'resourcequotas', 'priorityclasses.scheduling.k8s.io'],
  ['services', 'endpoints', 'endpointslices.discovery.k8s.io'],
  ['deployments.apps', 'statefulsets.apps', 'daemonsets.apps', 'replicasets.apps', 'jobs.batch', 'cronjobs.batch', 'pods'],
];

/** Every listed type in order: within a tier, too, the order is deliberate (classes before PVs before PVCs). */
const ranked: readonly string[] = tiers.flat();

/** Built-in groups: their unlisted types go before custom resources. */
const builtInGroup = /^$|\.k8s\.io$|^(apps|batch|policy|autoscaling)$/;

/**
 * Where a type goes in the restore: a lower rank is applied first. CRDs precede everything (their objects
 * need them), namespaces precede what lives in them, storage and identities precede the workloads that use
 * them, RBAC rules precede their bindings, configuration precedes the pods that mount it. Unlisted built-in
 * types follow the workloads; custom resources come last, after their CRDs have had time to be established.
 */
export function restoreRank(resource: string, group: string): number {
  const name = group === '' ? resource : `${resource}.${group}`;
  const rank = ranked.indexOf(name);
  if (rank >= 0) return rank;
  return builtInGroup.test(group) ? ranked.length : ranked.length + 1;
}

/** `items` sorted by the `restoreRank` of their type, stably: within a rank the archive's order is kept. */
export function restoreOrder<T>(items: readonly T[], typeOf: (item: T) => { resource: string; group: string }): T[] {
  return items
    .map((item, i) => {
      const { resource, group } = typeOf(item);
      return { item, i, rank: restoreRank(resource, group) };
    })
    .sort((a, b) => a.rank - b.rank || a.i - b.i)
    .map(({ item }) => item);
}
