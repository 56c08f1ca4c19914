import type { SchedulePolicySpec } from '../policies/SchedulePolicy.ts';

/** Backups of one cluster, taken when its schedule policy says (schema `BackupSchedule`). */
export interface BackupSchedule {
  id: string;
  tenantId: string;
  clusterId: string;
  name: string;
  policyId: string;
  suspended: boolean;
  createdAt: string;
  lastRunAt: string | null;
  /** None until the next run is planned, and while suspended. */
  nextRunAt: string | null;
  missedRuns: number;
  lastRunError: string | null;
  /** The next three run times; none while suspended. */
  nextRunTimes: string[];
  template: {
    locationId: string;
    includeNamespaces: string[];
    excludeNamespaces: string[];
    labelSelectors: string[];
    preRuleId: string | null;
    postRuleId: string | null;
    namePrefix: string | null;
    volumes: boolean;
  };
}

/** The names the schedules screen shows for the ids a schedule holds, and what its create form offers. */
export interface ScheduleLookups {
  clusters: { id: string; name: string; status: string }[];
  policies: { id: string; name: string; spec: SchedulePolicySpec }[];
  locations: { id: string; name: string; kind: string }[];
  rules: { id: string; name: string }[];
}

/** What `createBackupSchedule` takes (schema `CreateBackupScheduleInput`, the parts the console sets). */
export interface CreateBackupScheduleInput {
  clusterId: string;
  name: string;
  policyId: string;
  suspended: boolean;
  template: {
    locationId: string;
    includeNamespaces: string[];
    excludeNamespaces: string[];
    labelSelectors: string[];
    volumes: boolean;
    preRuleId?: string;
    postRuleId?: string;
    namePrefix?: string;
  };
}
