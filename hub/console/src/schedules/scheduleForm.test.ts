import { describe, expect, it } from 'vitest';
import { emptyScheduleForm, scheduleInputFromForm } from './scheduleForm.ts';
import { runTimeText, untilText } from './untilText.ts';

describe('the create-schedule form', () => {
  it('sends the template with lists parsed and blank choices left to the hub', () => {
    const form = { ...emptyScheduleForm({ clusterId: 'c1', policyId: 'p1', locationId: 'l1' }), name: ' shop-nightly ' };
    expect(scheduleInputFromForm(form)).toEqual({
      clusterId: 'c1',
      name: 'shop-nightly',
      policyId: 'p1',
      suspended: false,
      template: { locationId: 'l1', includeNamespaces: [], excludeNamespaces: [], labelSelectors: [], volumes: true },
    });
  });

  it('keeps the commas of a label selector and names the rules and prefix when chosen', () => {
    const form = {
      ...emptyScheduleForm(),
      includeNamespaces: 'shop-*, billing',
      excludeNamespaces: 'shop-tmp',
      labelSelectors: 'app=web,tier in (db)\nteam=shop',
      preRuleId: 'r1',
      postRuleId: 'r2',
      namePrefix: ' shop ',
      volumes: false,
      suspended: true,
    };
    expect(scheduleInputFromForm(form)).toMatchObject({
      suspended: true,
      template: {
        includeNamespaces: ['shop-*', 'billing'],
        excludeNamespaces: ['shop-tmp'],
        labelSelectors: ['app=web,tier in (db)', 'team=shop'],
        preRuleId: 'r1',
        postRuleId: 'r2',
        namePrefix: 'shop',
        volumes: false,
      },
    });
  });
});

describe('run times', () => {
  const now = Date.parse('2026-06-02T12:00:00Z');
  it('says how long until a run', () => {
    expect(untilText('2026-06-02T12:42:00Z', now)).toBe('in 42 min');
    expect(untilText('2026-06-04T15:00:00Z', now)).toBe('in 2 d 3 h');
    expect(untilText('2026-06-02T11:59:00Z', now)).toBe('due now');
  });

  it('writes a run time short, in the given zone', () => {
    expect(runTimeText('2026-06-02T14:00:00Z', 'en-GB', 'UTC')).toBe('Tue 2 Jun, 14:00');
    expect(runTimeText('2026-06-02T14:00:00Z', 'en-GB', 'Europe/Berlin')).toBe('Tue 2 Jun, 16:00');
  });
});
