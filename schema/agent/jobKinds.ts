/**
 * What an agent can be asked to do: the one list of job kinds. The hub's `JobKind` GraphQL enum, its handler
 * registry (one handler per kind, checked by the compiler), the agent's payload parser and, through the
 * public API, the console's types all derive from it; `JobPayload` has one variant per kind.
 */
export const jobKinds = ['backup', 'restore', 'validateLocation', 'deleteBackup', 'rebuildCatalog'] as const;
export type JobKind = (typeof jobKinds)[number];

/** Whether a wire value names a job kind this build knows. */
export function isJobKind(value: unknown): value is JobKind {
  return (jobKinds as readonly unknown[]).includes(value);
}
