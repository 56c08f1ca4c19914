import type { BackupLocationKind } from '../api/hubEnums.ts';
import type { LocationInputBlocks } from './kinds/locationKinds.ts';

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
export type CreateBackupLocationInput = {
  tenantId: string;
  name: string;
  prefix: string;
  credentialId?: string;
  encryptionKeyRef?: string;
} & Partial<LocationInputBlocks>;
