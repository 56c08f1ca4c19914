import { defineOperation } from '../api/Operation.ts';

/** The part of `CreateBackupInput` the application view sets; the rest keeps the API's defaults. */
export interface StartBackupInput {
  clusterId: string;
  locationId: string;
  namePrefix?: string;
  includeNamespaces: string[];
  labelSelectors: string[];
  volumes: boolean;
  ttl?: string;
}

/** Takes a backup now: the hub catalogs it as Pending and queues its job for the cluster's agent. */
export const createBackupMutation = defineOperation<
  { createBackup: { id: string; name: string; phase: string } },
  { input: StartBackupInput }
>(`
  mutation StartBackup($input: CreateBackupInput!) {
    createBackup(input: $input) { id name phase }
  }
`);
