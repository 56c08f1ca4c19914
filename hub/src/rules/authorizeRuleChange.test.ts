import { describe, expect, it } from 'vitest';
import type { Principal } from '../auth/Principal.ts';
import { ForbiddenError } from '../errors/errors.ts';
import { authorizeRuleSpec } from './authorizeRuleChange.ts';

const shopOperator: Principal = {
  kind: 'token',
  tokenId: 'x',
  grants: [{ tenantId: 't', role: 'operator', clusterIds: [], namespaces: ['shop-*'] }],
};
const spec = (namespaces: string[]) => ({
  version: 1 as const,
  subRules: [{ podSelectors: ['app=db'], namespaces, actions: [] }],
});

describe('authorizeRuleSpec', () => {
  it('refuses a shop-* operator a rule whose sub-rule targets kube-system (exec rules escaped narrowing)', () => {
    expect(() => authorizeRuleSpec(shopOperator, 't', spec(['kube-system']), 'input.spec')).toThrow(ForbiddenError);
    expect(() => authorizeRuleSpec(shopOperator, 't', spec(['*']), 'input.spec')).toThrow(ForbiddenError);
  });

  it('lets it name its own namespaces, or none (the backup’s)', () => {
    expect(() => authorizeRuleSpec(shopOperator, 't', spec(['shop-a']), 'input.spec')).not.toThrow();
    expect(() => authorizeRuleSpec(shopOperator, 't', spec([]), 'input.spec')).not.toThrow();
  });
});
