import { matchesAnyLabelSelector } from '#schema/contracts/matchesLabelSelector';
import { unreachable } from '#schema/contracts/unreachable';
import {
  type ApiResourceType,
  apiVersionOf,
  qualifiedResourceName,
  resourcePath,
} from '../kube/ApiResourceType.ts';
import { describeKubeError, isNotFound, type KubeJson } from '../kube/KubeJsonClient.ts';
import { listPages } from '../kube/listPages.ts';
import { isTransientObject } from '../kube/transientObjectLabels.ts';
import type { BackupRequest } from './BackupRequest.ts';
import { cleanItem, type KubeObject } from './cleanItem.ts';
import { ClusterNeeds } from './ClusterNeeds.ts';
import { CollectionResult } from './CollectionResult.ts';

/** One object a backup takes, cleaned (`cleanItem`), with the type it was read as. */
export interface CollectedItem {
  group: string;
  version: string;
  kind: string;
  /** The plural resource name (`deployments`); with `group`, the type's identity. */
  resource: string;
  /** Undefined for cluster-scoped objects. */
  namespace: string | undefined;
  name: string;
  /** The cleaned object, with `apiVersion` and `kind` set (list responses leave them out of items). */
  object: KubeObject;
}

export interface ItemCollectorOptions {
  /** Objects per list request; each page is passed on before the next is read. Default 500. */
  pageSize?: number;
}

/** The parts of a list response read here; `continue` is the token of the next page. */
interface ObjectList {
  items: KubeObject[];
  metadata?: { continue?: string };
}

interface ObjectMetadata {
  name?: string;
  namespace?: string;
  labels?: Record<string, string>;
}

/**
 * The collection stage of a backup: reads every object a `BackupRequest` selects and yields it cleaned, one
 * at a time, so memory holds a page of objects, never the backup. Namespaced types come first, from every
 * selected namespace, filtered by the OR'd label selectors; cluster-scoped objects follow by the request's
 * policy: `none` takes none, `all` every object of every cluster-scoped type, `auto` only those the
 * selected objects refer to (`clusterDependencies`). Under `all` and `auto` alike, the Namespace objects
 * taken are those of selected namespaces that contributed an item — or all selected namespaces when no label
 * selector narrows the backup, so an empty namespace is still restored. Fleetback's own transient objects
 * are never taken. A type that fails to list is recorded in `result` and the collection goes on.
 */
export class ItemCollector {
  /** Counts, warnings and errors; complete once `collect()` has been iterated to its end. */
  readonly result = new CollectionResult();
  private readonly pageSize: number;
  private readonly selectedNamespaces: ReadonlySet<string>;

  constructor(
    private readonly kube: KubeJson,
    private readonly request: BackupRequest,
    options: ItemCollectorOptions = {},
  ) {
    this.pageSize = options.pageSize ?? 500;
    this.selectedNamespaces = new Set(request.namespaces);
    for (const message of request.warnings) this.result.warn({ message });
    for (const message of request.errors) this.result.fail({ message });
  }

  /** Yields every selected object once. Iterate it once; `result` describes that iteration. */
  async *collect(): AsyncGenerator<CollectedItem> {
    const policy = this.request.clusterScoped;
    const needs = new ClusterNeeds(this.typesReadByNeed());
    // With no namespace selected, a cluster-wide list would only read objects to drop them all.
    const types = this.request.namespaces.length > 0 ? this.request.namespacedTypes : [];
    const scopes = this.request.listClusterWide ? [undefined] : this.request.namespaces;
    for (const type of types) {
      for (const namespace of scopes) {
        for await (const object of this.list(type, namespace)) {
          const metadata = (object.metadata ?? {}) as ObjectMetadata;
          if (!metadata.namespace || !this.selectedNamespaces.has(metadata.namespace)) continue;
          if (!matchesAnyLabelSelector(this.request.labelSelectors, metadata.labels ?? {})) continue;
          needs.addReferencesOf(type, object);
          yield this.item(type, object);
        }
      }
    }
    switch (policy) {
      case 'none':
        return;
      case 'all':
        yield* this.collectNeeded(needs);
        for (const type of this.request.clusterTypes) {
          if (isNamespaceType(type)) continue;
          for await (const object of this.list(type, undefined)) yield this.item(type, object);
        }
        return;
      case 'auto':
        yield* this.collectNeeded(needs);
        return;
      default:
        unreachable(policy);
    }
  }

  /**
   * The cluster-scoped types read object by object, as the collected objects name them: under `auto` all the
   * request allows; under `all` only namespaces, since every other type is listed whole, but the Namespace
   * objects taken follow the same rule under both.
   */
  private typesReadByNeed(): ApiResourceType[] {
    const { clusterScoped, clusterTypes } = this.request;
    return clusterScoped === 'all' ? clusterTypes.filter(isNamespaceType) : clusterTypes;
  }

  /**
   * Reads and yields every cluster-scoped object `needs` holds, and what those need in turn. Without a label
   * selector, every selected namespace's Namespace object is needed, not only those that had objects.
   */
  private async *collectNeeded(needs: ClusterNeeds): AsyncGenerator<CollectedItem> {
    if (this.request.labelSelectors.length === 0) {
      for (const name of this.request.namespaces) {
        needs.add({ resource: 'namespaces', name, optional: false }, 'the backup');
      }
    }
    for (let need = needs.next(); need; need = needs.next()) {
      const { type, ref, referrer } = need;
      const where = { resource: ref.resource, name: ref.name };
      let object: KubeObject;
      try {
        object = await this.kube.get<KubeObject>(resourcePath(type, undefined, ref.name));
      } catch (error) {
        if (isNotFound(error)) {
          const message = `needed by ${referrer}, but it does not exist`;
          if (!ref.optional) this.result.warn({ ...where, message });
        } else {
          this.result.fail({ ...where, message: `could not be read: ${describeKubeError(error)}` });
        }
        continue;
      }
      if (isTransientObject((object.metadata as ObjectMetadata | undefined)?.labels)) continue;
      needs.addReferencesOf(type, object);
      yield this.item(type, object);
    }
  }

  /**
   * Every object of a type in one namespace or cluster-wide, page by page, without Fleetback's transient
   * objects. A failure ends this list only: it is recorded, and the caller moves on to the next.
   */
  private async *list(type: ApiResourceType, namespace: string | undefined): AsyncGenerator<KubeObject> {
    const resource = qualifiedResourceName(type);
    const where = namespace === undefined ? { resource } : { resource, namespace };
    // One selector can be left to the server, which then sends only matches; several are OR'd, which a
    // list request cannot express, so those are applied here to everything the server sends.
    const [only, ...others] = this.request.spec.labelSelectors;
    const labelSelector = type.namespaced && only !== undefined && others.length === 0 ? only : undefined;
    const path = resourcePath(type, namespace);
    const pages = listPages<KubeObject>(
      async (limit, token) => {
        const list = await this.kube.get<ObjectList>(path, { limit, continue: token, labelSelector });
        return { items: list.items ?? [], continueToken: list.metadata?.continue };
      },
      {
        pageSize: this.pageSize,
        keyOf: (object) => {
          const metadata = (object.metadata ?? {}) as ObjectMetadata;
          return `${metadata.namespace ?? ''}/${metadata.name ?? ''}`;
        },
        onRestart: (reason) => this.result.warn({ ...where, message: reason }),
      },
    );
    try {
      for await (const object of pages) {
        if (!isTransientObject((object.metadata as ObjectMetadata | undefined)?.labels)) yield object;
      }
    } catch (error) {
      if (isNotFound(error)) {
        this.result.warn({ ...where, message: 'no longer served by the cluster; its objects are not backed up' });
      } else {
        this.result.fail({ ...where, message: `could not be listed: ${describeKubeError(error)}` });
      }
    }
  }

  private item(type: ApiResourceType, raw: KubeObject): CollectedItem {
    const metadata = (raw.metadata ?? {}) as ObjectMetadata;
    this.result.counted(qualifiedResourceName(type), type.kind);
    return {
      group: type.group,
      version: type.version,
      kind: type.kind,
      resource: type.plural,
      namespace: type.namespaced ? metadata.namespace : undefined,
      name: metadata.name ?? '',
      object: cleanItem({ apiVersion: apiVersionOf(type), kind: type.kind, ...raw }),
    };
  }
}

function isNamespaceType(type: ApiResourceType): boolean {
  return type.group === '' && type.plural === 'namespaces';
}
