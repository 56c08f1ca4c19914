import type { AgentConfig } from '../config/loadAgentConfig.ts';
import { enrollmentTokenSha256, hubIdentity, type StoredCredential } from './StoredCredential.ts';

/**
 * Why the credential found in a store (described by `where`) must not be used by an agent with `config`, or
 * undefined when it is this agent's: it was issued by another hub, or the agent was given an enrollment token
 * other than the one traded for it — another cluster's agent sharing the store (two agents started from one
 * directory), or a renewed enrollment of this cluster. The agent refuses to start rather than joining as the
 * stored cluster or overwriting another agent's credential; the message says how to give each agent its own
 * store, or how to enroll anew.
 */
export function credentialBindingRefusal(stored: StoredCredential, config: AgentConfig, where: string): string | undefined {
  const holder = `${where} holds the credential of cluster ${stored.clusterName} (${stored.clusterId})`;
  const ownStore =
    'give each agent its own store (FLEETBACK_CREDENTIAL_FILE, or FLEETBACK_CREDENTIAL_SECRET in a pod); to enroll this agent anew instead, remove the stored credential and start it with a new enrollment token';
  const hub = hubIdentity(config.hubUrl);
  if (stored.hubUrl !== hub) {
    return `${holder} issued by the hub ${stored.hubUrl}, but this agent is set to the hub ${hub}: ${ownStore}`;
  }
  if (config.enrollmentToken !== undefined && enrollmentTokenSha256(config.enrollmentToken) !== stored.enrollmentTokenSha256) {
    return `${holder}, enrolled with another enrollment token than the one this agent was given (another cluster's, or a renewed enrollment): ${ownStore}`;
  }
  return undefined;
}
