/** The application view's filters as they live in the address (`/applications/<cluster>?ns=…`). */
export interface NamespaceFilterParams {
  /** Namespace names or `*` patterns, separated by commas or spaces, as typed. */
  namespaces: string;
  /** A label selector on the namespaces' own labels. */
  namespaceSelector: string;
  /** A label selector on workloads and PVCs. */
  labelSelector: string;
}

/** The API's `NamespaceInventoryFilter`. */
export interface NamespaceInventoryFilterInput {
  namespaces?: string[];
  namespaceSelector?: string;
  labelSelector?: string;
}

/** `shop-*, db  cache` → `['shop-*', 'db', 'cache']`. */
export function splitList(text: string): string[] {
  return text.split(/[\s,]+/).filter(Boolean);
}

export function readNamespaceFilterParams(search: URLSearchParams): NamespaceFilterParams {
  return {
    namespaces: search.get('ns') ?? '',
    namespaceSelector: search.get('nsSelector') ?? '',
    labelSelector: search.get('selector') ?? '',
  };
}

/** The application view of `clusterId` with these filters; empty ones are left out. */
export function applicationPath(clusterId: string, params: NamespaceFilterParams): string {
  const search = new URLSearchParams();
  const namespaces = splitList(params.namespaces).join(',');
  if (namespaces) search.set('ns', namespaces);
  if (params.namespaceSelector.trim()) search.set('nsSelector', params.namespaceSelector.trim());
  if (params.labelSelector.trim()) search.set('selector', params.labelSelector.trim());
  const query = search.toString();
  return `/applications/${encodeURIComponent(clusterId)}${query ? `?${query}` : ''}`;
}

/** Whether any filter is set. */
export function isFiltered(params: NamespaceFilterParams): boolean {
  return Boolean(splitList(params.namespaces).length || params.namespaceSelector.trim() || params.labelSelector.trim());
}

/** The API filter; the hub parses the selectors and answers BAD_USER_INPUT naming the one it cannot read. */
export function toInventoryFilter(params: NamespaceFilterParams): NamespaceInventoryFilterInput {
  const filter: NamespaceInventoryFilterInput = {};
  const namespaces = splitList(params.namespaces);
  if (namespaces.length) filter.namespaces = namespaces;
  if (params.namespaceSelector.trim()) filter.namespaceSelector = params.namespaceSelector.trim();
  if (params.labelSelector.trim()) filter.labelSelector = params.labelSelector.trim();
  return filter;
}
