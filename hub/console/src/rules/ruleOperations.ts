import { defineOperation } from '../api/Operation.ts';
import type { Connection, SettingsList } from '../ui/SettingsList.ts';
import type { Rule, RuleSpecInput } from './Rule.ts';

/** How many rules the screen lists; past it, it says so. */
const pageSize = 100;

/** A tenant's rules, with every sub-rule and action. */
export const ruleList: SettingsList<{ rules: Connection<Rule> }, Rule> = {
  query: defineOperation(`
    query Rules($tenantId: ID!) {
      rules(tenantId: $tenantId, first: ${pageSize}) {
        totalCount
        edges {
          node {
            id tenantId name createdAt updatedAt
            spec {
              subRules {
                podSelectors namespaces
                actions { command argv container background runInSinglePod timeoutSeconds continueOnFailure }
              }
            }
          }
        }
      }
    }
  `),
  rows: (data) => data.rules,
  pageSize,
};

export const createRuleMutation = defineOperation<
  { createRule: { id: string; name: string } },
  { tenantId: string; name: string; spec: RuleSpecInput }
>(`
  mutation CreateRule($tenantId: ID!, $name: String!, $spec: RuleSpecInput!) {
    createRule(input: { tenantId: $tenantId, name: $name, spec: $spec }) { id name }
  }
`);

export const updateRuleMutation = defineOperation<
  { updateRule: { id: string; name: string } },
  { id: string; name: string; spec: RuleSpecInput }
>(`
  mutation UpdateRule($id: ID!, $name: String!, $spec: RuleSpecInput!) {
    updateRule(id: $id, input: { name: $name, spec: $spec }) { id name }
  }
`);

export const deleteRuleMutation = defineOperation<{ deleteRule: string }, { id: string }>(
  'mutation DeleteRule($id: ID!) { deleteRule(id: $id) }',
);
