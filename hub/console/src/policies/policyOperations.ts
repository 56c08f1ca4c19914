import { defineOperation } from '../api/Operation.ts';
import type { Connection, SettingsList } from '../ui/SettingsList.ts';
import {
  type SchedulePolicy,
  type SchedulePolicyPreset,
  type SchedulePolicySpecInput,
  specSelection,
} from './SchedulePolicy.ts';

/** How many policies the screen lists; past it, it says so. */
const pageSize = 100;

/** A tenant's schedule policies. */
export const policyList: SettingsList<{ schedulePolicies: Connection<SchedulePolicy> }, SchedulePolicy> = {
  query: defineOperation(`
    query SchedulePolicies($tenantId: ID!) {
      schedulePolicies(tenantId: $tenantId, first: ${pageSize}) {
        totalCount
        edges { node { id tenantId name createdAt updatedAt spec { ${specSelection} } } }
      }
    }
  `),
  rows: (data) => data.schedulePolicies,
  pageSize,
};

export const schedulePolicyPresetsQuery = defineOperation<{ schedulePolicyPresets: SchedulePolicyPreset[] }>(`
  query SchedulePolicyPresets { schedulePolicyPresets { name description spec { ${specSelection} } } }
`);

export const createSchedulePolicyMutation = defineOperation<
  { createSchedulePolicy: { id: string; name: string } },
  { tenantId: string; name: string; spec: SchedulePolicySpecInput }
>(`
  mutation CreateSchedulePolicy($tenantId: ID!, $name: String!, $spec: SchedulePolicySpecInput!) {
    createSchedulePolicy(input: { tenantId: $tenantId, name: $name, spec: $spec }) { id name }
  }
`);

export const updateSchedulePolicyMutation = defineOperation<
  { updateSchedulePolicy: { id: string; name: string } },
  { id: string; name: string; spec: SchedulePolicySpecInput }
>(`
  mutation UpdateSchedulePolicy($id: ID!, $name: String!, $spec: SchedulePolicySpecInput!) {
    updateSchedulePolicy(id: $id, input: { name: $name, spec: $spec }) { id name }
  }
`);

export const deleteSchedulePolicyMutation = defineOperation<{ deleteSchedulePolicy: string }, { id: string }>(
  'mutation DeleteSchedulePolicy($id: ID!) { deleteSchedulePolicy(id: $id) }',
);
