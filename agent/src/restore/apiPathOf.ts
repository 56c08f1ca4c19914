/** The API path of a type's collection in a namespace (or cluster-wide), and of one object when named. */
export function apiPathOf(
  type: { group: string; version: string; resource: string },
  namespace: string | null,
  name?: string,
): string {
  const base = type.group === '' ? `/api/${type.version}` : `/apis/${type.group}/${type.version}`;
  const scope = namespace === null ? '' : `/namespaces/${encodeURIComponent(namespace)}`;
  const object = name === undefined ? '' : `/${encodeURIComponent(name)}`;
  return `${base}${scope}/${type.resource}${object}`;
}
