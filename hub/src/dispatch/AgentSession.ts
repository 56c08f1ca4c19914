import type { EventQueue } from './EventQueue.ts';

/** What the hub pushes on an agent's `jobs` subscription. */
export type AgentJobEvent =
  | { type: 'Offer'; jobId: string; kind: string; attempt: number; payload: string }
  | { type: 'Cancel'; jobId: string };

/** One connected agent on this replica. */
export interface AgentSession {
  readonly id: string;
  readonly clusterId: string;
  readonly tenantId: string;
  readonly agentVersion: string;
  /** SHA-256 of the credential the agent connected with; updated when the agent rotates it. */
  credentialHash: string;
  /** The open `jobs` subscription, if the agent has one. */
  jobs: EventQueue<AgentJobEvent> | undefined;
  /** Closes the WebSocket with an application close code and a reason the agent logs. */
  close(code: number, reason: string): void;
}
