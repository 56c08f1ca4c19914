import { defineOperation } from '../api/Operation.ts';
import { type BackupDetail, backupDetailFields } from './BackupDetail.ts';
import { type BackupJob, backupJobFields } from './BackupJob.ts';

export interface BackupData {
  backup: BackupDetail;
  jobs: { edges: { node: BackupJob }[] };
}

/** One backup with its spec and result, and the jobs that took it and delete it, newest first. */
export const backupQuery = defineOperation<BackupData, { id: string }>(`
  query Backup($id: ID!) {
    backup(id: $id) { ${backupDetailFields} }
    jobs(first: 20, filter: { subjectId: $id }) { edges { node { ${backupJobFields} } } }
  }
`);

/** The backup's cluster and location by name; kept apart so the page still shows when either is unreadable. */
export const backupPlacesQuery = defineOperation<
  { cluster: { id: string; name: string; status: string }; backupLocation: { id: string; name: string; kind: string } },
  { clusterId: string; locationId: string }
>(`
  query BackupPlaces($clusterId: ID!, $locationId: ID!) {
    cluster(id: $clusterId) { id name status }
    backupLocation(id: $locationId) { id name kind }
  }
`);

/** The backup each time it changes, with everything the detail page shows. */
export const backupDetailSubscription = defineOperation<{ backupUpdated: BackupDetail }, { id: string }>(`
  subscription BackupDetailUpdated($id: ID!) { backupUpdated(id: $id) { ${backupDetailFields} } }
`);

/** A job each time it changes: its progress message, phase and error. */
export const jobUpdatedSubscription = defineOperation<{ jobUpdated: BackupJob }, { id: string }>(`
  subscription JobUpdated($id: ID!) { jobUpdated(id: $id) { ${backupJobFields} } }
`);
