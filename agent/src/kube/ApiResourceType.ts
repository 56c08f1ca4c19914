/**
 * One resource type the cluster serves, as API discovery describes it: `apps/v1 deployments`. Only
 * top-level, listable types are ever made into one (no `pods/log`, no create-only reviews).
 */
export interface ApiResourceType {
  /** The API group; empty for the core group (`pods`, `configmaps`). */
  group: string;
  /** The version the type is read in: the group's preferred version when it serves the type. */
  version: string;
  kind: string;
  /** The resource name in URLs, e.g. `deployments`. */
  plural: string;
  namespaced: boolean;
  verbs: string[];
}

/**
 * The name `kubectl api-resources -o name` prints and backup specs use: the plural, qualified by its group
 * unless it is in the core group (`configmaps`, `deployments.apps`).
 */
export function qualifiedResourceName(type: Pick<ApiResourceType, 'group' | 'plural'>): string {
  return type.group ? `${type.plural}.${type.group}` : type.plural;
}

/** `apps/v1`, or `v1` for the core group: an object's `apiVersion`. */
export function apiVersionOf(type: Pick<ApiResourceType, 'group' | 'version'>): string {
  return type.group ? `${type.group}/${type.version}` : type.version;
}

/**
 * The URL path of a type's collection, in one namespace or (namespace undefined) cluster-wide, or of one
 * object in it when `name` is given.
 */
export function resourcePath(
  type: Pick<ApiResourceType, 'group' | 'version' | 'plural'>,
  namespace?: string,
  name?: string,
): string {
  const base = type.group ? `/apis/${type.group}/${type.version}` : `/api/${type.version}`;
  const scope = namespace === undefined ? '' : `/namespaces/${encodeURIComponent(namespace)}`;
  const object = name === undefined ? '' : `/${encodeURIComponent(name)}`;
  return `${base}${scope}/${type.plural}${object}`;
}
