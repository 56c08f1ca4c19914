/**
 * A condition the agent cannot recover from by retrying: a refused or revoked credential, an unusable
 * enrollment token, an incompatible hub. The message says what a person must do; the process exits.
 */
export class AgentFatalError extends Error {
  override readonly name = 'AgentFatalError';
}
