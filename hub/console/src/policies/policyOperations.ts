import { defineOperation } from '../api/Operation.ts';
import { type Connection, settingsList, settingsPageSize } from '../ui/SettingsList.ts';
import {
  type SchedulePolicy,
  type SchedulePolicyPreset,
  type SchedulePolicySpecInput,
  specSelection,
} from './SchedulePolicy.ts';

/** A tenant's schedule policies. */
export const policyList = settingsList<{ schedulePolicies: Connection<SchedulePolicy> }, SchedulePolicy>(`
  query SchedulePolicies($tenantId: ID!) {
    schedulePolicies(tenantId: $tenantId, first: ${settingsPageSize}) {
      totalCount
      edges { node { id tenantId name createdAt updatedAt spec { ${specSelection} } } }
    }
  }
`, (data) => data.schedulePolicies);

export const schedulePolicyPresetsQuery = defineOperation<{ schedulePolicyPresets: SchedulePolicyPreset[] }>(`
  query SchedulePolicyPresets { schedulePolicyPresets { name description spec { ${specSelection} } } }
`);

/** What a policy is made of, as `createSchedulePolicy` takes it; `updateSchedulePolicy` takes the name and spec. */
type PolicyInput = { tenantId: string; name: string; spec: SchedulePolicySpecInput };

export const createSchedulePolicyMutation = defineOperation<{ createSchedulePolicy: { id: string } }, { input: PolicyInput }>(
  'mutation CreateSchedulePolicy($input: CreateSchedulePolicyInput!) { createSchedulePolicy(input: $input) { id } }',
);

export const updateSchedulePolicyMutation = defineOperation<
  { updateSchedulePolicy: { id: string } },
  { id: string; input: Omit<PolicyInput, 'tenantId'> }
>('mutation UpdateSchedulePolicy($id: ID!, $input: UpdateSchedulePolicyInput!) { updateSchedulePolicy(id: $id, input: $input) { id } }');

export const deleteSchedulePolicyMutation = defineOperation<{ deleteSchedulePolicy: string }, { id: string }>(
  'mutation DeleteSchedulePolicy($id: ID!) { deleteSchedulePolicy(id: $id) }',
);
