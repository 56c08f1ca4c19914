import type { ApiResourceType } from './ApiResourceType.ts';
import { describeKubeError, type KubeJson } from './KubeJsonClient.ts';

/** What discovery found: every listable top-level type, and the groups it could not read. */
export interface ResourceDiscovery {
  /** Sorted by group, then plural; one entry per group and plural. */
  types: ApiResourceType[];
  /**
   * One line per group version whose discovery failed, typically an aggregated API whose backing service
   * is down (`metrics.k8s.io/v1beta1: HTTP 503 …`). Its types are missing from `types`.
   */
  warnings: string[];
}

/** The parts of the discovery documents (`/api`, `/apis`, `/apis/<group>/<version>`) read here. */
interface ApiVersions {
  versions: string[];
}
interface ApiGroupList {
  groups: { name: string; versions: { version: string }[]; preferredVersion?: { version: string } }[];
}
interface ApiResourceList {
  resources: { name: string; kind: string; namespaced: boolean; verbs?: string[] }[];
}

/**
 * Discovers every resource type the cluster serves: the core group and every API group, built-in,
 * aggregated or defined by CRDs — never a hard-coded list. Each type is read in its group's preferred
 * version; a type the preferred version does not serve (a kind a CRD only has in `v1alpha1`) comes from the
 * next version that serves it, as `kubectl api-resources` does. Subresources (`pods/log`) and types without
 * the `list` verb are left out. A group version whose discovery fails becomes a warning, not a failure: one
 * broken aggregated API must not stop a backup of everything else.
 */
export async function discoverResources(kube: KubeJson): Promise<ResourceDiscovery> {
  const warnings: string[] = [];
  const [core, apis] = await Promise.all([kube.get<ApiVersions>('/api'), kube.get<ApiGroupList>('/apis')]);
  const groups = [
    { name: '', versions: core.versions },
    ...apis.groups.map((g) => ({ name: g.name, versions: versionsInPreferenceOrder(g) })),
  ];
  const perGroup = await Promise.all(
    groups.map(async (group) => {
      const lists = await Promise.all(
        group.versions.map(async (version) => {
          const path = group.name ? `/apis/${group.name}/${version}` : `/api/${version}`;
          try {
            return { version, resources: (await kube.get<ApiResourceList>(path)).resources ?? [] };
          } catch (error) {
            warnings.push(`${group.name ? `${group.name}/` : ''}${version}: ${describeKubeError(error)}`);
            return { version, resources: [] };
          }
        }),
      );
      const byPlural = new Map<string, ApiResourceType>();
      for (const { version, resources } of lists) {
        for (const r of resources) {
          const verbs = r.verbs ?? [];
          if (r.name.includes('/') || !verbs.includes('list') || byPlural.has(r.name)) continue;
          byPlural.set(r.name, {
            group: group.name,
            version,
            kind: r.kind,
            plural: r.name,
            namespaced: r.namespaced,
            verbs: [...verbs],
          });
        }
      }
      return [...byPlural.values()];
    }),
  );
  const types = perGroup.flat().sort((a, b) => compare(a.group, b.group) || compare(a.plural, b.plural));
  return { types, warnings: warnings.sort() };
}

/** The preferred version first, then the others in the server's order, which is its priority order. */
function versionsInPreferenceOrder(group: ApiGroupList['groups'][number]): string[] {
  const listed = group.versions.map((v) => v.version);
  const preferred = group.preferredVersion?.version;
  return preferred ? [preferred, ...listed.filter((v) => v !== preferred)] : listed;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
