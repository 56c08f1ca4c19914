import { defineOperation } from '../api/Operation.ts';
import { type Connection, settingsList, settingsPageSize } from '../ui/SettingsList.ts';
import { type SchedulePolicySpec, specSelection } from '../policies/SchedulePolicy.ts';
import type { BackupSchedule, CreateBackupScheduleInput, ScheduleLookups } from './BackupSchedule.ts';

type Nodes<T> = { edges: { node: T }[] };

export interface SchedulesData {
  backupSchedules: Connection<BackupSchedule>;
  clusters: Nodes<{ id: string; name: string; status: string }>;
  schedulePolicies: Nodes<{ id: string; name: string; spec: SchedulePolicySpec }>;
  backupLocations: Nodes<{ id: string; name: string; kind: string }>;
  rules: Nodes<{ id: string; name: string }>;
}

/** The clusters, policies, locations and rules a schedule may name, from the list's answer. */
export function lookupsOf(data: SchedulesData): ScheduleLookups {
  const nodes = <T,>(connection: Nodes<T>) => connection.edges.map((e) => e.node);
  return {
    clusters: nodes(data.clusters),
    policies: nodes(data.schedulePolicies),
    locations: nodes(data.backupLocations),
    rules: nodes(data.rules),
  };
}

/** A tenant's backup schedules with their next three run times, and the names of what they refer to. */
export const scheduleList = settingsList<SchedulesData, BackupSchedule>(`
  query BackupSchedules($tenantId: ID!) {
    backupSchedules(first: ${settingsPageSize}, filter: { tenantId: $tenantId }) {
      totalCount
      edges {
        node {
          id tenantId clusterId name policyId suspended createdAt lastRunAt nextRunAt missedRuns lastRunError
          nextRunTimes(count: 3)
          template {
            locationId includeNamespaces excludeNamespaces labelSelectors preRuleId postRuleId namePrefix volumes
          }
        }
      }
    }
    clusters(first: ${settingsPageSize}, filter: { tenantId: $tenantId }) { edges { node { id name status } } }
    schedulePolicies(tenantId: $tenantId, first: ${settingsPageSize}) {
      edges { node { id name spec { ${specSelection} } } }
    }
    backupLocations(tenantId: $tenantId, first: ${settingsPageSize}) { edges { node { id name kind } } }
    rules(tenantId: $tenantId, first: ${settingsPageSize}) { edges { node { id name } } }
  }
`, (data) => data.backupSchedules);

export const createBackupScheduleMutation = defineOperation<{ createBackupSchedule: { id: string } }, { input: CreateBackupScheduleInput }>(
  'mutation CreateBackupSchedule($input: CreateBackupScheduleInput!) { createBackupSchedule(input: $input) { id } }',
);

export const suspendBackupScheduleMutation = defineOperation<{ suspendBackupSchedule: { id: string } }, { id: string }>(
  'mutation SuspendBackupSchedule($id: ID!) { suspendBackupSchedule(id: $id) { id suspended } }',
);

export const resumeBackupScheduleMutation = defineOperation<{ resumeBackupSchedule: { id: string } }, { id: string }>(
  'mutation ResumeBackupSchedule($id: ID!) { resumeBackupSchedule(id: $id) { id suspended } }',
);

export const deleteBackupScheduleMutation = defineOperation<{ deleteBackupSchedule: string }, { id: string }>(
  'mutation DeleteBackupSchedule($id: ID!) { deleteBackupSchedule(id: $id) }',
);
