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

/** What a rule is made of, as `createRule` takes it; `updateRule` takes the name and spec. */
type RuleInput = { tenantId: string; name: string; spec: RuleSpecInput };

export const createRuleMutation = defineOperation<{ createRule: { id: string } }, { input: RuleInput }>(
  'mutation CreateRule($input: CreateRuleInput!) { createRule(input: $input) { id } }',
);

export const updateRuleMutation = defineOperation<{ updateRule: { id: string } }, { id: string; input: Omit<RuleInput, 'tenantId'> }>(
  'mutation UpdateRule($id: ID!, $input: UpdateRuleInput!) { updateRule(id: $id, input: $input) { id } }',
);

export const deleteRuleMutation = defineOperation<{ deleteRule: string }, { id: string }>(
  'mutation DeleteRule($id: ID!) { deleteRule(id: $id) }',
);
