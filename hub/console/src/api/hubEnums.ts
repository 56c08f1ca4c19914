// Generated from schema/hub.graphql by `npm run schema:emit` (scripts/schema/renderConsoleEnums.ts). Do not edit.

/** What the agent is asked to do. */
export type JobKind = 'backup' | 'restore' | 'validateLocation' | 'deleteBackup' | 'rebuildCatalog' | 'rotateRepositoryKey';

/** Queued: waiting for the agent; Running: held by the agent under a lease. */
export type JobPhase = 'Queued' | 'Running' | 'Succeeded' | 'Failed' | 'Cancelled';
