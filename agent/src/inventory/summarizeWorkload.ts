import type { V1CronJob, V1DaemonSet, V1Deployment, V1Job, V1StatefulSet } from '@kubernetes/client-node';
import type { WorkloadKind, WorkloadSummary } from '#schema/agent/ClusterInventory';
import { unreachable } from '#schema/contracts/unreachable';

/** An object of one of the workload kinds, from a list call or as raw JSON from a watch event. */
export type WorkloadObject = V1Deployment | V1StatefulSet | V1DaemonSet | V1CronJob | V1Job;

/**
 * What the application view shows of a workload. Only Deployments and StatefulSets have a replica count;
 * the other kinds report null for both counts rather than a number that would mean something else
 * (a DaemonSet's count follows the nodes, a Job's its completions).
 */
export function summarizeWorkload(kind: WorkloadKind, object: WorkloadObject): WorkloadSummary {
  const summary = { kind, name: object.metadata?.name ?? '', labels: { ...object.metadata?.labels } };
  switch (kind) {
    case 'Deployment':
    case 'StatefulSet': {
      const { spec, status } = object;
      return {
        ...summary,
        // The API server defaults spec.replicas to 1, so it is only missing from hand-made objects.
        replicas: spec && 'replicas' in spec ? (spec.replicas ?? 1) : 1,
        // Status leaves readyReplicas out while it is zero, and is empty until the controller first acts.
        readyReplicas: status && 'readyReplicas' in status ? (status.readyReplicas ?? 0) : 0,
      };
    }
    case 'DaemonSet':
    case 'CronJob':
    case 'Job':
      return { ...summary, replicas: null, readyReplicas: null };
    default:
      return unreachable(kind);
  }
}
