/** A warning or an error of a backup as the detail page shows it (`BackupProblem`). */
export interface BackupProblemView {
  /** `kubectl api-resources` name; null when it concerns no one type. */
  type: string | null;
  namespace: string | null;
  name: string | null;
  message: string;
}

export const backupProblemFields = 'type namespace name message';

/**
 * The object a problem concerns, as `kubectl` names it (`configmaps shop/settings`, `secrets` in `shop`);
 * null when it concerns none.
 */
export function problemObject(problem: BackupProblemView): string | null {
  if (problem.type === null && problem.namespace === null && problem.name === null) return null;
  const object = [problem.namespace, problem.name].filter((part) => part !== null).join('/');
  if (problem.type === null) return problem.name === null ? `namespace ${object}` : object;
  return object ? `${problem.type} ${object}` : problem.type;
}
