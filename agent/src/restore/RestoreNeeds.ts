import type { RestoreSpec } from '#schema/contracts/RestoreSpec';
import { clusterDependencies } from '../backup/clusterDependencies.ts';
import type { ApiResourceType } from '../kube/ApiResourceType.ts';
import type { KubeObject } from './KubeObject.ts';
import type { RestorePlanItem } from './RestorePlanItem.ts';

const storageClasses = 'storageclasses.storage.k8s.io';

/** The key `RestoreNeeds.needed` holds: `persistentvolumes/pv-1`, by `kubectl api-resources` name. */
export function neededKey(type: string, name: string): string {
  return `${type}/${name}`;
}

/**
 * What the restored objects need of the backup's cluster-scoped objects, for `clusterScoped: auto`: the rule
 * backups use (`clusterDependencies`), followed transitively (a claim needs its PV, which needs its storage
 * class). It is fed every planned object as the archive streams past (`inspect`, from `spoolArchive`), so the
 * plan is narrowed with no second read of the archive and no object kept in memory: only the names referred
 * to. Namespaced objects are where needs start; a cluster-scoped object adds its own only once it is needed.
 *
 * A storage class that `storageClassMapping` maps is not needed: the restored claims and volumes name the
 * target's class instead.
 */
export class RestoreNeeds {
  private readonly roots = new Set<string>();
  private readonly referencesOf = new Map<string, string[]>();

  constructor(private readonly spec: Pick<RestoreSpec, 'storageClassMapping'>) {}

  /** Records what `object`, the archived object of planned `item`, refers to. */
  readonly inspect = (item: RestorePlanItem, object: KubeObject): void => {
    const { entry } = item;
    const type: ApiResourceType = {
      group: entry.group,
      version: entry.version,
      kind: entry.kind,
      plural: entry.resource,
      namespaced: entry.namespace !== null,
      verbs: [],
    };
    const keys = clusterDependencies(type, object)
      .filter((ref) => ref.resource !== storageClasses || !Object.hasOwn(this.spec.storageClassMapping, ref.name))
      .map((ref) => neededKey(ref.resource, ref.name));
    if (entry.namespace === null) {
      this.referencesOf.set(neededKey(item.type, entry.name), keys);
    } else {
      for (const key of keys) this.roots.add(key);
    }
  };

  /** Every cluster-scoped object needed by the namespaced objects inspected, directly or through another. */
  needed(): ReadonlySet<string> {
    const needed = new Set<string>();
    const queue = [...this.roots];
    for (let key = queue.shift(); key !== undefined; key = queue.shift()) {
      if (needed.has(key)) continue;
      needed.add(key);
      queue.push(...(this.referencesOf.get(key) ?? []));
    }
    return needed;
  }
}
