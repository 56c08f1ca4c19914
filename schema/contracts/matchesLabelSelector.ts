import type { LabelRequirement, LabelSelector } from './LabelSelector.ts';
import { unreachable } from './unreachable.ts';

function holds(requirement: LabelRequirement, labels: Readonly<Record<string, string>>): boolean {
  const has = Object.hasOwn(labels, requirement.key);
  const actual = labels[requirement.key];
  switch (requirement.operator) {
    case 'Exists':
      return has;
    case 'DoesNotExist':
      return !has;
    case 'Equals':
      return actual === requirement.value;
    case 'NotEquals':
      // As in Kubernetes, an object without the label satisfies `key!=value`.
      return actual !== requirement.value;
    case 'In':
      return actual !== undefined && requirement.values.includes(actual);
    case 'NotIn':
      return actual === undefined || !requirement.values.includes(actual);
    case 'GreaterThan':
    case 'LessThan': {
      if (actual === undefined || !/^-?\d+$/.test(actual)) return false;
      const n = Number(actual);
      return requirement.operator === 'GreaterThan' ? n > requirement.value : n < requirement.value;
    }
    default:
      return unreachable(requirement);
  }
}

/** Whether an object's labels satisfy every requirement of the selector (Kubernetes semantics). */
export function matchesLabelSelector(
  selector: LabelSelector,
  labels: Readonly<Record<string, string>>,
): boolean {
  return selector.every((r) => holds(r, labels));
}

/** Whether the labels satisfy at least one of several selectors, which specs OR together; none selects all. */
export function matchesAnyLabelSelector(
  selectors: readonly LabelSelector[],
  labels: Readonly<Record<string, string>>,
): boolean {
  return selectors.length === 0 || selectors.some((s) => matchesLabelSelector(s, labels));
}
