import { defineOperation } from '../api/Operation.ts';
import {
  type SchedulePolicy,
  type SchedulePolicyPreset,
  type SchedulePolicySpecInput,
  specSelection,
} from './SchedulePolicy.ts';

/** How many policies the screen lists; past it, it says so. */
export const policyPageSize = 100;

export const schedulePoliciesQuery = defineOperation<
  { schedulePolicies: { totalCount: number; edges: { node: SchedulePolicy }[] } },
  { tenantId: string }
>(`
  query SchedulePolicies($tenantId: ID!) {
    schedulePolicies(tenantId: $tenantId, first: ${policyPageSize}) {
      totalCount
      edges { node { id tenantId name createdAt updatedAt spec { ${specSelection} } } }
    }
  }
`);

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
