export interface AgentInstallInput {
  /** The hub's URL as the agent reaches it (http, https, ws or wss). */
  hubUrl: string;
  enrollmentToken: string;
}

/**
 * The command that starts an agent for a freshly registered cluster, as README "Running an agent" gives it:
 * run in a Fleetback checkout built with `npm ci && npm run build`, next to a kubeconfig for the cluster.
 */
export function agentInstallCommand({ hubUrl, enrollmentToken }: AgentInstallInput): string {
  return `FLEETBACK_HUB_URL=${shellQuote(hubUrl)} FLEETBACK_ENROLLMENT_TOKEN=${shellQuote(enrollmentToken)} node bin/fleetback.js agent`;
}

/** A word for POSIX shells: as it is when it is plainly safe, else in single quotes. */
export function shellQuote(word: string): string {
  if (/^[A-Za-z0-9_@%+=:,./-]+$/.test(word)) return word;
  return `'${word.replace(/'/g, `'\\''`)}'`;
}
