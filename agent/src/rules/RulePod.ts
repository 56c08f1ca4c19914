import type { RuleAction } from '#schema/contracts/RuleSpec';

/** A pod a sub-rule selected: where its actions run. */
export interface RulePod {
  namespace: string;
  name: string;
  /** The names of the pod's containers, in spec order (init and ephemeral containers left out). */
  containers: string[];
}

/**
 * The container an action runs in: the one it names, else the pod's first, as `kubectl exec` picks it.
 * Returns a problem instead when the pod has no such container, so the action fails before any exec.
 */
export function containerFor(pod: RulePod, action: RuleAction): { container: string } | { problem: string } {
  const wanted = action.container ?? pod.containers[0];
  if (wanted !== undefined && pod.containers.includes(wanted)) return { container: wanted };
  if (wanted === undefined) return { problem: 'the pod has no containers' };
  return { problem: `the pod has no container '${wanted}' (it has ${pod.containers.join(', ')})` };
}
