import { describe, expect, it } from 'vitest';
import type { Rule, RuleAction } from './Rule.ts';
import { describeAction, describePods, emptyActionForm, emptyRuleForm, ruleFormFromRule, ruleSpecInputFromForm } from './ruleForm.ts';

const rule: Rule = {
  id: 'r1',
  tenantId: 't1',
  name: 'mysql-freeze',
  createdAt: '2026-01-01T00:00:00Z',
  updatedAt: '2026-01-01T00:00:00Z',
  spec: {
    subRules: [
      {
        podSelectors: ['app=mysql', 'tier in (db),team=shop'],
        namespaces: ['shop-*'],
        actions: [
          {
            command: 'mysql -e "FLUSH TABLES WITH READ LOCK"',
            argv: null,
            container: 'db',
            background: true,
            runInSinglePod: false,
            timeoutSeconds: 300,
            continueOnFailure: false,
          },
          {
            command: null,
            argv: ['pg_dump', '-f', '/tmp/my dump.sql'],
            container: null,
            background: false,
            runInSinglePod: true,
            timeoutSeconds: 60,
            continueOnFailure: true,
          },
        ],
      },
    ],
  },
};

describe('the rule form', () => {
  it('sends a fresh action as a command, leaving timeout, container and namespaces to the hub', () => {
    const form = emptyRuleForm();
    form.subRules[0] = { podSelectors: 'app=web\n', namespaces: '', actions: [{ ...emptyActionForm(), command: ' sync ' }] };
    expect(ruleSpecInputFromForm(form)).toEqual({
      subRules: [
        {
          podSelectors: ['app=web'],
          actions: [{ command: 'sync', background: false, runInSinglePod: false, continueOnFailure: false }],
        },
      ],
    });
  });

  it('sends argv one argument per line instead of a command', () => {
    const form = emptyRuleForm();
    form.subRules[0] = {
      podSelectors: 'app=pg',
      namespaces: 'db, shop-*',
      actions: [{ ...emptyActionForm(), mode: 'argv', command: 'ignored', argv: 'pg_dump\n-f\n/tmp/my dump.sql', timeoutSeconds: '90', container: 'pg' }],
    };
    expect(ruleSpecInputFromForm(form).subRules[0]).toEqual({
      podSelectors: ['app=pg'],
      namespaces: ['db', 'shop-*'],
      actions: [
        {
          argv: ['pg_dump', '-f', '/tmp/my dump.sql'],
          container: 'pg',
          timeoutSeconds: 90,
          background: false,
          runInSinglePod: false,
          continueOnFailure: false,
        },
      ],
    });
  });

  it('round-trips a stored rule through the form', () => {
    expect(ruleSpecInputFromForm(ruleFormFromRule(rule))).toEqual({
      subRules: [
        {
          podSelectors: ['app=mysql', 'tier in (db),team=shop'],
          namespaces: ['shop-*'],
          actions: [
            {
              command: 'mysql -e "FLUSH TABLES WITH READ LOCK"',
              container: 'db',
              timeoutSeconds: 300,
              background: true,
              runInSinglePod: false,
              continueOnFailure: false,
            },
            {
              argv: ['pg_dump', '-f', '/tmp/my dump.sql'],
              timeoutSeconds: 60,
              background: false,
              runInSinglePod: true,
              continueOnFailure: true,
            },
          ],
        },
      ],
    });
  });
});

describe('describing a rule', () => {
  it('says which pods a sub-rule selects', () => {
    expect(describePods(rule.spec.subRules[0] as Rule['spec']['subRules'][number])).toBe(
      'Pods matching app=mysql or tier in (db),team=shop in shop-*',
    );
    expect(describePods({ podSelectors: ['app=web'], namespaces: [] })).toBe("Pods matching app=web in the backup's namespaces");
  });

  it('says what an action runs and how', () => {
    const [freeze, dump] = rule.spec.subRules[0]?.actions ?? [];
    expect(describeAction(freeze as RuleAction)).toEqual({
      run: 'mysql -e "FLUSH TABLES WITH READ LOCK"',
      how: 'in container db, each pod, in the background, times out after 300 s, a failure fails the backup',
    });
    expect(describeAction(dump as RuleAction)).toEqual({
      run: 'pg_dump -f "/tmp/my dump.sql"',
      how: 'in the first container, one pod only, times out after 60 s, a failure does not stop the backup',
    });
  });
});
