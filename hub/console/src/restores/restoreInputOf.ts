import type { CreateRestoreInput } from './CreateRestoreInput.ts';
import type { FormProblem } from './FormProblem.ts';
import { isNamespaceName, isNamespacePattern, isStorageClassName } from './kubernetesNames.ts';
import { mappingOf } from './mappingOf.ts';
import type { RestoreChoices } from './RestoreChoices.ts';
import { splitLines, splitList } from './splitList.ts';

export type RestoreInputResult = { ok: true; input: CreateRestoreInput } | { ok: false; problems: FormProblem[] };

const resourceType = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

/**
 * The `createRestore` input for a backup from the wizard's choices, or every problem found in them. The hub
 * checks again (and more, e.g. label selector syntax); this catches what a person can fix at once, each
 * problem keyed to its control. `backupKinds` are the kinds the backup holds, whose boxes the form shows:
 * clearing all of them would restore nothing.
 */
export function restoreInputOf(
  backupId: string,
  choices: RestoreChoices,
  backupKinds: readonly string[],
  dryRun: boolean,
): RestoreInputResult {
  const problems: FormProblem[] = [];
  if (!choices.targetClusterId) {
    problems.push({ field: 'targetClusterId', message: 'Choose the cluster to restore into.' });
  }

  const includeNamespaces = splitList(choices.includeNamespaces);
  const excludeNamespaces = splitList(choices.excludeNamespaces);
  for (const [field, list] of [['includeNamespaces', includeNamespaces], ['excludeNamespaces', excludeNamespaces]] as const) {
    const bad = list.filter((ns) => !isNamespacePattern(ns));
    if (bad.length) problems.push({ field, message: `Not a namespace name or pattern: ${bad.join(', ')}.` });
  }
  const both = includeNamespaces.filter((ns) => excludeNamespaces.includes(ns));
  if (both.length) {
    problems.push({ field: 'excludeNamespaces', message: `Namespaces both included and excluded: ${both.join(', ')}.` });
  }

  const namespaces = mappingOf(choices.namespaceMapping, {
    field: 'namespaceMapping',
    noun: 'namespace',
    isValid: isNamespaceName,
  });
  problems.push(...namespaces.problems);

  const excludedKinds = choices.excludedKinds.filter((kind) => backupKinds.includes(kind));
  if (backupKinds.length > 0 && excludedKinds.length === backupKinds.length) {
    problems.push({ field: 'kinds', message: 'Keep at least one kind of object, or nothing is restored.' });
  }
  const includeResources = splitList(choices.includeResources);
  const excludeResources = [...new Set([...excludedKinds, ...splitList(choices.excludeResources)])];
  for (const [field, list] of [['includeResources', includeResources], ['excludeResources', excludeResources]] as const) {
    const bad = list.filter((type) => !resourceType.test(type));
    if (bad.length) {
      problems.push({ field, message: `Not a resource type (like configmaps or deployments.apps): ${bad.join(', ')}.` });
    }
  }
  const clash = includeResources.filter((type) => excludeResources.includes(type));
  if (clash.length) {
    problems.push({ field: 'includeResources', message: `Resource types both included and left out: ${clash.join(', ')}.` });
  }

  const storageClasses = mappingOf(choices.storageClassMapping, {
    field: 'storageClassMapping',
    noun: 'storage class',
    isValid: isStorageClassName,
  });
  problems.push(...storageClasses.problems);

  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    input: {
      backupId,
      targetClusterId: choices.targetClusterId,
      namespaceMapping: namespaces.mapping,
      includeNamespaces,
      excludeNamespaces,
      includeResources,
      excludeResources,
      labelSelectors: splitLines(choices.labelSelectors),
      existingResourcePolicy: choices.existingResourcePolicy,
      clusterScoped: choices.clusterScoped,
      storageClassMapping: storageClasses.mapping,
      dryRun,
    },
  };
}
