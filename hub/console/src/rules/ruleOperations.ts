import { defineOperation } from '../api/Operation.ts';
import { type Connection, settingsList, settingsPageSize } from '../ui/SettingsList.ts';
import type { Rule, RuleSpecInput } from './Rule.ts';

/** A tenant's rules, with every sub-rule and action. */
export const ruleList = settingsList<{ rules: Connection<Rule> }, Rule>(`
  query Rules($tenantId: ID!) {
    rules(tenantId: $tenantId, first: ${settingsPageSize}) {
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
`, (data) => data.rules);

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
