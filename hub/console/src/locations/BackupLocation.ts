import type { LocationKind } from '#schema/agent/LocationTarget';

/** The kinds the hub and the agent have a storage provider for (`schema/agent/LocationTarget.ts`). */
export type BackupLocationKind = LocationKind;

export const locationKindLabels: Record<BackupLocationKind, string> = {
  s3: 'S3 or S3-compatible',
  azure: 'Azure Blob storage',
  gcs: 'Google Cloud Storage',
  filesystem: 'Filesystem (a path in the agent)',
};

/** How the last check of a location from inside a cluster went. */
export interface LocationValidation {
  checkedAt: string;
  clusterId: string | null;
  ok: boolean;
  error: string | null;
}

/** Where backups are written; data goes from the agents straight to it (schema `BackupLocation`). */
export interface BackupLocation {
  id: string;
  tenantId: string;
  name: string;
  kind: BackupLocationKind;
  bucket: string | null;
  prefix: string;
  region: string | null;
  endpoint: string | null;
  forcePathStyle: boolean;
  path: string | null;
  credentialId: string | null;
  encryptionKeyRef: string | null;
  createdAt: string;
  updatedAt: string;
  validation: LocationValidation | null;
}

/** What `createBackupLocation` takes: exactly one of the kind blocks (schema `CreateBackupLocationInput`). */
export interface CreateBackupLocationInput {
  tenantId: string;
  name: string;
  prefix: string;
  s3?: { bucket: string; region?: string; endpoint?: string; forcePathStyle: boolean };
  azure?: { container: string; endpoint?: string };
  gcs?: { bucket: string; endpoint?: string };
  filesystem?: { path: string };
  credentialId?: string;
  encryptionKeyRef?: string;
}
