import { isFiltered, type NamespaceFilterParams } from './namespaceFilterParams.ts';

/** What a backup started from the application view takes. */
export interface BackupSelection {
  /** `CreateBackupInput.includeNamespaces`: empty for every namespace, today's and later ones. */
  includeNamespaces: string[];
  /** `CreateBackupInput.labelSelectors`: the view's workload selector, applied to objects of every kind. */
  labelSelectors: string[];
}

export interface SelectionInput {
  params: NamespaceFilterParams;
  /** The namespaces the view shows, in order. */
  shown: readonly string[];
  /** Shown namespaces the user unticked. */
  excluded: ReadonlySet<string>;
  /** Whether `shown` is every namespace the filter matches (no further page). */
  complete: boolean;
}

export type SelectionResult = { ok: true; selection: BackupSelection } | { ok: false; error: string };

/**
 * Turns what the view shows into a backup spec. Unfiltered with every namespace ticked, the backup takes the
 * whole cluster (`includeNamespaces: []`, which also covers namespaces created later). Otherwise it names the
 * ticked namespaces one by one, so it takes exactly what the user saw, whether they were found by name
 * patterns or by the namespaces' labels (the backup spec has no namespace label selector). The workload
 * selector becomes the backup's label selector; the backup applies it to objects of every kind.
 */
export function backupSelection({ params, shown, excluded, complete }: SelectionInput): SelectionResult {
  const ticked = shown.filter((name) => !excluded.has(name));
  if (ticked.length === 0) return { ok: false, error: 'Tick at least one namespace to back up.' };
  const labelSelector = params.labelSelector.trim();
  const everything = !isFiltered(params) && ticked.length === shown.length && complete;
  return {
    ok: true,
    selection: {
      includeNamespaces: everything ? [] : ticked,
      labelSelectors: labelSelector ? [labelSelector] : [],
    },
  };
}
