import type { LabelSelector } from '#schema/contracts/LabelSelector';
import { matchesAnyLabelSelector } from '#schema/contracts/matchesLabelSelector';
import { globToRegExp } from '../backup/selectNamespaces.ts';
import type { RulePod } from './RulePod.ts';

/** The parts of a pod read to select it. */
export interface PodObject {
  metadata?: { name?: string; namespace?: string; labels?: Record<string, string>; deletionTimestamp?: string };
  spec?: { containers?: { name: string }[] };
  status?: { phase?: string };
}

/** Where a sub-rule looks for pods, and which. */
export interface PodScope {
  /** OR'd: a pod matching any of them is selected. Never empty (a sub-rule names at least one). */
  selectors: readonly LabelSelector[];
  /** Namespace names or `*` patterns the sub-rule names, within `backupNamespaces`; empty means all of those. */
  namespaces: readonly string[];
  /** The namespaces the backup takes: no sub-rule acts outside them, whatever it names. */
  backupNamespaces: readonly string[];
}

/**
 * The pods of `pods` a sub-rule acts on: Running and not being deleted (a command cannot run in a pod that
 * is not, and one in a terminating pod would race its shutdown), in the backup's namespaces that the
 * sub-rule's namespaces (if any) match, matching any selector. Sorted by namespace, then name, each once, so that "the first pod" of `runInSinglePod` is the
 * same on every run while the pods stay the same.
 */
export function selectRulePods(pods: Iterable<PodObject>, scope: PodScope): RulePod[] {
  const patterns = scope.namespaces.map(globToRegExp);
  const backupNamespaces = new Set(scope.backupNamespaces);
  // As Velero's hooks do, a rule acts only where its backup reads: the hub checks who may name which
  // namespaces, and this keeps a rule shared by several backups from reaching past any one of them.
  const inScope = (namespace: string) =>
    backupNamespaces.has(namespace) && (patterns.length === 0 || patterns.some((p) => p.test(namespace)));
  const selected = new Map<string, RulePod>();
  for (const pod of pods) {
    const { name, namespace, labels, deletionTimestamp } = pod.metadata ?? {};
    if (!name || !namespace || deletionTimestamp || pod.status?.phase !== 'Running') continue;
    if (!inScope(namespace) || !matchesAnyLabelSelector(scope.selectors, labels ?? {})) continue;
    selected.set(`${namespace}/${name}`, {
      namespace,
      name,
      containers: (pod.spec?.containers ?? []).map((c) => c.name),
    });
  }
  return [...selected.values()].sort((a, b) => compare(a.namespace, b.namespace) || compare(a.name, b.name));
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
