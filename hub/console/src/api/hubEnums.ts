// Generated from schema/hub.graphql by `npm run schema:emit` (scripts/schema/renderConsoleEnums.ts). Do not edit.

/** What the agent is asked to do. */
export type JobKind = 'backup' | 'restore' | 'validateLocation' | 'deleteBackup' | 'rebuildCatalog' | 'rotateRepositoryKey';

/** Queued: waiting for the agent; Running: held by the agent under a lease. */
export type JobPhase = 'Queued' | 'Running' | 'Succeeded' | 'Failed' | 'Cancelled';

/** s3: S3 or an S3-compatible store; azure: Azure Blob; gcs: Google Cloud Storage; filesystem: a path in the agent. */
export type BackupLocationKind = 's3' | 'azure' | 'gcs' | 'filesystem';

/** aws: S3 and S3-compatible stores; azure: Azure Blob storage; gcp: Google Cloud Storage. */
export type CredentialKind = 'aws' | 'azure' | 'gcp';
