import { type ApiResourceType, qualifiedResourceName } from '../kube/ApiResourceType.ts';
import type { KubeObject } from './cleanItem.ts';
import { type ClusterObjectRef, clusterDependencies } from './clusterDependencies.ts';

/** A cluster-scoped object to read, the type to read it as, and who needed it first (for warnings). */
export interface ClusterNeed {
  type: ApiResourceType;
  ref: ClusterObjectRef;
  referrer: string;
}

/**
 * The cluster-scoped objects selected objects refer to, each once, in the order first needed: the work queue
 * of `clusterScoped: auto` (and of the Namespace objects under `all`). Objects read from it add their own
 * needs (a PV its storage class). Only the types it was made with are queued: an excluded or unserved type
 * is never read, however often it is named.
 */
export class ClusterNeeds {
  private readonly allowed: ReadonlyMap<string, ApiResourceType>;
  private readonly seen = new Set<string>();
  private readonly queue: ClusterNeed[] = [];

  constructor(clusterTypes: readonly ApiResourceType[]) {
    this.allowed = new Map(clusterTypes.map((t) => [qualifiedResourceName(t), t]));
  }

  add(ref: ClusterObjectRef, referrer: string): void {
    const type = this.allowed.get(ref.resource);
    const key = `${ref.resource}/${ref.name}`;
    if (!type || this.seen.has(key)) return;
    this.seen.add(key);
    this.queue.push({ type, ref, referrer });
  }

  /** Queues what `object`, of `type`, refers to. */
  addReferencesOf(type: ApiResourceType, object: KubeObject): void {
    const metadata = (object.metadata ?? {}) as { name?: string; namespace?: string };
    const name = metadata.namespace ? `${metadata.namespace}/${metadata.name}` : metadata.name;
    const referrer = `${qualifiedResourceName(type)} ${name}`;
    for (const ref of clusterDependencies(type, object)) this.add(ref, referrer);
  }

  /** The next object to read, or undefined when everything queued so far has been handed out. */
  next(): ClusterNeed | undefined {
    return this.queue.shift();
  }
}
