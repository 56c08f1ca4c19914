import type { EntityManager } from '@mikro-orm/core';
import { describe, expect, it } from 'vitest';
import type { RuleSpec } from '#schema/contracts/RuleSpec';
import type { Grant, Principal } from '../auth/Principal.ts';
import { BadUserInputError, ForbiddenError } from '../errors/errors.ts';
import { type BackupContent, authorizeBackupContent } from './authorizeBackupContent.ts';

const shopOperator: Principal = {
  kind: 'token',
  tokenId: 'x',
  grants: [{ tenantId: 't', role: 'operator', clusterIds: [], namespaces: ['shop-*'] } satisfies Grant],
};
const operator: Principal = {
  kind: 'token',
  tokenId: 'y',
  grants: [{ tenantId: 't', role: 'operator', clusterIds: [], namespaces: [] }],
};
const ruleIn = (namespaces: string[]): RuleSpec => ({
  version: 1,
  subRules: [{ podSelectors: ['app=db'], namespaces, actions: [] }],
});
/** An entity manager holding one rule, `r1`. */
const emWith = (spec: RuleSpec) =>
  ({ findOne: async () => ({ id: 'r1', tenantId: 't', name: 'flush', spec }) }) as unknown as EntityManager;
const content = (fields: Partial<BackupContent>): BackupContent => ({
  includeNamespaces: ['shop-a'],
  clusterScoped: 'auto',
  preRuleId: null,
  postRuleId: null,
  ...fields,
});
const where = { tenantId: 't', clusterId: 'c1' };

describe('authorizeBackupContent', () => {
  it("refuses clusterScoped 'all' to a namespace-narrowed operator (cluster-scoped objects escaped narrowing)", async () => {
    const em = emWith(ruleIn([]));
    await expect(authorizeBackupContent(em, shopOperator, where, content({ clusterScoped: 'all' }), 'input')).rejects.toThrow(
      ForbiddenError,
    );
    await expect(authorizeBackupContent(em, shopOperator, where, content({}), 'input')).resolves.toBeUndefined();
    await expect(authorizeBackupContent(em, operator, where, content({ clusterScoped: 'all' }), 'input')).resolves.toBeUndefined();
  });

  it('refuses a rule whose sub-rule targets namespaces outside the caller’s narrowing (exec rules escaped it)', async () => {
    const em = emWith(ruleIn(['kube-system']));
    const all = content({ includeNamespaces: [], preRuleId: 'r1' });
    await expect(authorizeBackupContent(em, shopOperator, where, content({ preRuleId: 'r1' }), 'input')).rejects.toThrow(
      ForbiddenError,
    );
    await expect(authorizeBackupContent(em, operator, where, all, 'input')).resolves.toBeUndefined();
  });

  it("refuses a rule whose sub-rule targets namespaces outside the backup's", async () => {
    const em = emWith(ruleIn(['shop-b']));
    await expect(authorizeBackupContent(em, operator, where, content({ postRuleId: 'r1' }), 'input')).rejects.toThrow(
      BadUserInputError,
    );
    const within = emWith(ruleIn(['shop-a']));
    await expect(authorizeBackupContent(within, shopOperator, where, content({ postRuleId: 'r1' }), 'input')).resolves.toBeUndefined();
  });

  it('refuses a namespace-narrowed operator a backup of every namespace', async () => {
    const em = emWith(ruleIn([]));
    await expect(authorizeBackupContent(em, shopOperator, where, content({ includeNamespaces: [] }), 'input')).rejects.toThrow(
      ForbiddenError,
    );
  });
});
