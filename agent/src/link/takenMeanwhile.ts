import { AgentFatalError } from './AgentFatalError.ts';
import type { StoredCredential } from './StoredCredential.ts';

/** Another agent stored its credential while this one enrolled: this one's credential cannot be kept there. */
export function takenMeanwhile(where: string, stored: StoredCredential): AgentFatalError {
  return new AgentFatalError(
    `another agent stored its credential in ${where} while this one enrolled as cluster ${stored.clusterName} (${stored.clusterId}); that enrollment is lost: renew the cluster's enrollment (Mutation.renewClusterEnrollment) and give this agent its own store (FLEETBACK_CREDENTIAL_FILE, or FLEETBACK_CREDENTIAL_SECRET in a pod)`,
  );
}
