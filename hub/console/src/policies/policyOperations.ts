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
