/**
 * The agent link's protocol version. The hub refuses a connection whose version it does not speak, with a
 * close reason saying which versions it does; raise this on any change an older peer would misread. A new
 * operation is not such a change: an older agent never calls it, and a newer agent that an older hub refuses
 * it degrades without it (`reportRestoreItems`: the restore still runs, and ends PartiallyFailed saying the
 * item record is incomplete).
 */
export const agentProtocolVersion = 1;

/** Versions this build of the hub accepts from agents. */
export const supportedAgentProtocolVersions: readonly number[] = [1];

/** The path of the agent link on the hub's HTTP port. */
export const agentLinkPath = '/agent';

/** What an agent sends in graphql-ws `connection_init`. Without a credential only `enroll` may be called. */
export interface AgentConnectionParams {
  protocolVersion: number;
  agentVersion: string;
  /** The cluster credential (`fbk_agent_…`) received at enrollment. */
  credential?: string;
}

/**
 * WebSocket close codes the hub uses on the agent link (4000–4999 are the application's). An agent must not
 * retry after `incompatibleProtocol` or `credentialRefused`: only a person can fix those.
 */
export const agentCloseCodes = {
  incompatibleProtocol: 4400,
  credentialRefused: 4401,
  /** The cluster was deleted or its credential rotated while the agent was connected. */
  credentialRevoked: 4403,
  /** The hub could not admit the agent for a reason of its own (say, its database is down): retry. */
  hubUnavailable: 4503,
} as const;

/** Close codes after which an agent stops instead of reconnecting. */
export const fatalAgentCloseCodes: readonly number[] = [
  agentCloseCodes.incompatibleProtocol,
  agentCloseCodes.credentialRefused,
  agentCloseCodes.credentialRevoked,
];
