import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { databasesOf } from '../kit/databases.ts';
import { type GqlResult, startTestHub, type TestHub } from '../kit/startTestHub.ts';

const world = inject('world');

const specFields =
  'kind retain expirySeconds periodic { every unit } daily { time timeZone } weekly { daysOfWeek everyNWeeks time timeZone } monthly { daysOfMonth everyNMonths time timeZone } cron { expression timeZone }';
const policyFields = `id tenantId name spec { ${specFields} } createdAt updatedAt`;
const ruleFields =
  'id tenantId name spec { subRules { podSelectors namespaces actions { command argv container background runInSinglePod timeoutSeconds continueOnFailure } } }';
const scheduleFields =
  'id tenantId clusterId name policyId suspended lastRunAt nextRunAt template { locationId includeNamespaces labelSelectors preRuleId postRuleId namePrefix labels { key value } }';

const createPolicy = `mutation($input: CreateSchedulePolicyInput!) { createSchedulePolicy(input: $input) { ${policyFields} } }`;
const updatePolicy = `mutation($id: ID!, $input: UpdateSchedulePolicyInput!) { updateSchedulePolicy(id: $id, input: $input) { ${policyFields} } }`;
const deletePolicy = 'mutation($id: ID!) { deleteSchedulePolicy(id: $id) }';
const createRule = `mutation($input: CreateRuleInput!) { createRule(input: $input) { ${ruleFields} } }`;
const updateRule = `mutation($id: ID!, $input: UpdateRuleInput!) { updateRule(id: $id, input: $input) { ${ruleFields} } }`;
const deleteRule = 'mutation($id: ID!) { deleteRule(id: $id) }';
const createSchedule = `mutation($input: CreateBackupScheduleInput!) { createBackupSchedule(input: $input) { ${scheduleFields} } }`;
const updateSchedule = `mutation($id: ID!, $input: UpdateBackupScheduleInput!) { updateBackupSchedule(id: $id, input: $input) { ${scheduleFields} } }`;
const deleteSchedule = 'mutation($id: ID!) { deleteBackupSchedule(id: $id) }';
const listSchedules =
  'query($f: BackupScheduleFilter) { backupSchedules(filter: $f) { totalCount edges { node { id name suspended } } } }';

interface ScheduleView {
  id: string;
  clusterId: string;
  name: string;
  policyId: string;
  suspended: boolean;
  nextRunAt: string | null;
  template: {
    locationId: string;
    preRuleId: string | null;
    postRuleId: string | null;
    namePrefix: string | null;
  };
}
type ScheduleList = {
  backupSchedules: { totalCount: number; edges: { node: { id: string; name: string } }[] };
};

const flushRule = { subRules: [{ podSelectors: ['app=mysql'], actions: [{ command: 'sync' }] }] };

describe.each(databasesOf(world))('schedule policies, rules and backup schedules on %s', (database) => {
  let hub: TestHub;
  let operator = '';
  let viewer = '';
  /** An operator narrowed to cluster a1. */
  let narrowed = '';
  const ids = { tenantA: '', tenantB: '', a1: '', a2: '', location: '', locationB: '', policyB: '' };

  async function gql<T>(token: string, query: string, variables?: object): Promise<GqlResult<T>> {
    return hub.gql<T>(token, query, variables);
  }
  async function must<T>(token: string, query: string, variables?: object): Promise<T> {
    const result = await gql<T>(token, query, variables);
    if (result.errors) throw new Error(JSON.stringify(result.errors));
    return result.data as T;
  }
  function expectCode(result: GqlResult<unknown>, code: string, field?: string): void {
    expect(result.errors?.[0]?.extensions?.code).toBe(code);
    if (field !== undefined) expect(result.errors?.[0]?.extensions?.field).toBe(field);
    expect(result.data ?? null).toBeNull();
  }
  const newPolicy = async (name: string, spec: object, token = operator) =>
    (
      await must<{ createSchedulePolicy: { id: string } }>(token, createPolicy, {
        input: { tenantId: ids.tenantA, name, spec },
      })
    ).createSchedulePolicy.id;
  const newRule = async (name: string) =>
    (
      await must<{ createRule: { id: string } }>(operator, createRule, {
        input: { tenantId: ids.tenantA, name, spec: flushRule },
      })
    ).createRule.id;
  const newSchedule = async (input: object, token = operator) =>
    (await must<{ createBackupSchedule: ScheduleView }>(token, createSchedule, { input }))
      .createBackupSchedule;

  beforeAll(async () => {
    hub = await startTestHub({ database, world });
    const admin = hub.adminToken;
    const tenant = async (name: string) =>
      (
        await must<{ createTenant: { id: string } }>(
          admin,
          `mutation { createTenant(input: { name: "${name}" }) { id } }`,
        )
      ).createTenant.id;
    const cluster = async (t: string, n: string) =>
      (
        await must<{ registerCluster: { cluster: { id: string } } }>(
          admin,
          'mutation($t: ID!, $n: String!) { registerCluster(input: { tenantId: $t, name: $n }) { cluster { id } } }',
          { t, n },
        )
      ).registerCluster.cluster.id;
    const token = async (t: string, role: string, clusterIds: string[] = []) =>
      (
        await must<{ createApiToken: { token: string } }>(
          admin,
          `mutation($t: ID!, $n: String!, $c: [ID!]!) { createApiToken(input: { tenantId: $t, name: $n, role: ${role}, clusterIds: $c }) { token } }`,
          { t, n: `${role}-${clusterIds.length}`, c: clusterIds },
        )
      ).createApiToken.token;
    const location = async (t: string) =>
      (
        await must<{ createBackupLocation: { id: string } }>(
          admin,
          'mutation($t: ID!) { createBackupLocation(input: { tenantId: $t, name: "primary", filesystem: { path: "/backups" } }) { id } }',
          { t },
        )
      ).createBackupLocation.id;
    ids.tenantA = await tenant('tenant-a');
    ids.tenantB = await tenant('tenant-b');
    ids.a1 = await cluster(ids.tenantA, 'a1');
    ids.a2 = await cluster(ids.tenantA, 'a2');
    ids.location = await location(ids.tenantA);
    ids.locationB = await location(ids.tenantB);
    operator = await token(ids.tenantA, 'operator');
    viewer = await token(ids.tenantA, 'viewer');
    narrowed = await token(ids.tenantA, 'operator', [ids.a1]);
    ids.policyB = (
      await must<{ createSchedulePolicy: { id: string } }>(admin, createPolicy, {
        input: { tenantId: ids.tenantB, name: 'nightly', spec: { daily: { time: '01:00' } } },
      })
    ).createSchedulePolicy.id;
  });
  afterAll(() => hub?.stop());

  describe('schedule policies', () => {
    it('an operator creates each kind, and reads back the validated spec', async () => {
      const cases: [string, object, object][] = [
        [
          'every-15m',
          { periodic: { every: 15, unit: 'minutes' } },
          { periodic: { every: 15, unit: 'minutes' } },
        ],
        [
          'daily',
          { daily: { time: '02:30' }, retain: 7, expiry: '30d' },
          { retain: 7, expirySeconds: 2_592_000 },
        ],
        [
          'weekly',
          {
            weekly: {
              daysOfWeek: ['saturday', 'sunday'],
              everyNWeeks: 2,
              time: '00:00',
              timeZone: 'Europe/Berlin',
            },
          },
          {
            weekly: {
              daysOfWeek: ['sunday', 'saturday'],
              everyNWeeks: 2,
              time: '00:00',
              timeZone: 'Europe/Berlin',
            },
          },
        ],
        [
          'monthly',
          { monthly: { daysOfMonth: [31, 1], time: '03:00' } },
          { monthly: { daysOfMonth: [1, 31], everyNMonths: 1, time: '03:00', timeZone: 'UTC' } },
        ],
        [
          'cron',
          { cron: { expression: '0 */6 * * mon-fri', timeZone: 'America/New_York' } },
          { cron: { expression: '0 */6 * * mon-fri', timeZone: 'America/New_York' } },
        ],
      ];
      for (const [name, spec, expected] of cases) {
        const created = await must<{ createSchedulePolicy: { name: string; spec: Record<string, unknown> } }>(
          operator,
          createPolicy,
          { input: { tenantId: ids.tenantA, name, spec } },
        );
        expect(created.createSchedulePolicy.spec).toMatchObject(expected);
        expect(created.createSchedulePolicy.spec.kind).toBe(Object.keys(spec)[0]);
      }
      const list = await must<{
        schedulePolicies: { totalCount: number; edges: { node: { name: string } }[] };
      }>(viewer, 'query($t: ID!) { schedulePolicies(tenantId: $t) { totalCount edges { node { name } } } }', {
        t: ids.tenantA,
      });
      expect(list.schedulePolicies.edges.map((e) => e.node.name)).toEqual([
        'cron',
        'daily',
        'every-15m',
        'monthly',
        'weekly',
      ]);
    });

    it('updates name and spec, and refuses a duplicate name', async () => {
      const id = await newPolicy('to-update', { daily: { time: '01:00' } });
      const updated = await must<{
        updateSchedulePolicy: { name: string; spec: { kind: string; retain: number } };
      }>(operator, updatePolicy, {
        id,
        input: { name: 'updated', spec: { periodic: { every: 2, unit: 'hours' }, retain: 3 } },
      });
      expect(updated.updateSchedulePolicy).toMatchObject({
        name: 'updated',
        spec: { kind: 'periodic', retain: 3 },
      });
      const read = await must<{ schedulePolicy: { name: string } }>(
        viewer,
        'query($id: ID!) { schedulePolicy(id: $id) { name } }',
        { id },
      );
      expect(read.schedulePolicy.name).toBe('updated');
      expectCode(await gql(operator, updatePolicy, { id, input: { name: 'daily' } }), 'CONFLICT');
      expectCode(
        await gql(operator, createPolicy, {
          input: { tenantId: ids.tenantA, name: 'daily', spec: { daily: { time: '01:00' } } },
        }),
        'CONFLICT',
      );
    });

    it.each([
      [{ monthly: { daysOfMonth: [0], time: '01:00' } }, 'input.spec.monthly.daysOfMonth[0]'],
      [{}, 'input.spec'],
      [{ daily: { time: '01:00' }, weekly: { daysOfWeek: ['monday'], time: '01:00' } }, 'input.spec'],
      [{ periodic: { every: 1, unit: 'minutes' } }, 'input.spec.periodic.every'],
      [{ daily: { time: '25:00' } }, 'input.spec.daily.time'],
      [{ daily: { time: '01:00', timeZone: 'Europe/Atlantis' } }, 'input.spec.daily.timeZone'],
      [{ cron: { expression: '0 0 31 2 *' } }, 'input.spec.cron.expression'],
      [{ cron: { expression: '61 * * * *' } }, 'input.spec.cron.expression'],
      [{ daily: { time: '01:00' }, retain: 0 }, 'input.spec.retain'],
      [{ daily: { time: '01:00' }, expiry: 'soon' }, 'input.spec.expiry'],
    ])('refuses the spec %j naming %s', async (spec, field) => {
      const result = await gql(operator, createPolicy, {
        input: { tenantId: ids.tenantA, name: 'bad', spec },
      });
      expectCode(result, 'BAD_USER_INPUT', field);
    });

    it('a viewer reads but cannot create, update or delete', async () => {
      const id = await newPolicy('viewer-target', { daily: { time: '01:00' } });
      const input = { tenantId: ids.tenantA, name: 'by-viewer', spec: { daily: { time: '01:00' } } };
      expectCode(await gql(viewer, createPolicy, { input }), 'FORBIDDEN');
      expectCode(await gql(viewer, updatePolicy, { id, input: { name: 'x' } }), 'FORBIDDEN');
      expectCode(await gql(viewer, deletePolicy, { id }), 'FORBIDDEN');
    });

    it('offers the presets, every two weeks as a weekly schedule', async () => {
      const presets = await must<{
        schedulePolicyPresets: {
          name: string;
          spec: { kind: string; weekly: { everyNWeeks: number } | null };
        }[];
      }>(viewer, `{ schedulePolicyPresets { name description spec { ${specFields} } } }`);
      const names = presets.schedulePolicyPresets.map((p) => p.name);
      expect(names).toEqual(
        expect.arrayContaining(['hourly', 'daily', 'weekly', 'every-two-weeks', 'monthly']),
      );
      const biweekly = presets.schedulePolicyPresets.find((p) => p.name === 'every-two-weeks');
      expect(biweekly?.spec).toMatchObject({ kind: 'weekly', weekly: { everyNWeeks: 2 } });
    });
  });

  describe('rules', () => {
    it('an operator creates, updates and reads a rule with defaults filled', async () => {
      const created = await must<{ createRule: { id: string; spec: { subRules: { actions: object[] }[] } } }>(
        operator,
        createRule,
        {
          input: {
            tenantId: ids.tenantA,
            name: 'mysql-quiesce',
            spec: {
              subRules: [
                {
                  podSelectors: ['app in (mysql, mariadb)', 'role=primary'],
                  namespaces: ['shop'],
                  actions: [
                    {
                      command: 'mysql -e "FLUSH TABLES WITH READ LOCK"',
                      background: true,
                      container: 'mysql',
                    },
                    { argv: ['sync'], runInSinglePod: true, timeoutSeconds: 5, continueOnFailure: true },
                  ],
                },
              ],
            },
          },
        },
      );
      expect(created.createRule.spec.subRules[0]?.actions).toEqual([
        {
          command: 'mysql -e "FLUSH TABLES WITH READ LOCK"',
          argv: null,
          container: 'mysql',
          background: true,
          runInSinglePod: false,
          timeoutSeconds: 60,
          continueOnFailure: false,
        },
        {
          command: null,
          argv: ['sync'],
          container: null,
          background: false,
          runInSinglePod: true,
          timeoutSeconds: 5,
          continueOnFailure: true,
        },
      ]);
      const id = created.createRule.id;
      const updated = await must<{ updateRule: { name: string; spec: { subRules: object[] } } }>(
        operator,
        updateRule,
        { id, input: { name: 'mysql-flush', spec: flushRule } },
      );
      expect(updated.updateRule.name).toBe('mysql-flush');
      const list = await must<{ rules: { edges: { node: { id: string } }[] } }>(
        viewer,
        'query($t: ID!) { rules(tenantId: $t) { edges { node { id } } } }',
        { t: ids.tenantA },
      );
      expect(list.rules.edges.map((e) => e.node.id)).toContain(id);
      expectCode(await gql(viewer, deleteRule, { id }), 'FORBIDDEN');
    });

    it.each([
      [{ subRules: [] }, 'input.spec.subRules'],
      [
        { subRules: [{ podSelectors: [], actions: [{ command: 'x' }] }] },
        'input.spec.subRules[0].podSelectors',
      ],
      [
        { subRules: [{ podSelectors: ['app in ()'], actions: [{ command: 'x' }] }] },
        'input.spec.subRules[0].podSelectors[0]',
      ],
      [{ subRules: [{ podSelectors: ['a=b'], actions: [] }] }, 'input.spec.subRules[0].actions'],
      [
        { subRules: [{ podSelectors: ['a=b'], actions: [{ command: 'x', argv: ['x'] }] }] },
        'input.spec.subRules[0].actions[0]',
      ],
      [
        { subRules: [{ podSelectors: ['a=b'], actions: [{ command: 'x', timeoutSeconds: 3601 }] }] },
        'input.spec.subRules[0].actions[0].timeoutSeconds',
      ],
    ])('refuses the spec %j naming %s', async (spec, field) => {
      const result = await gql(operator, createRule, { input: { tenantId: ids.tenantA, name: 'bad', spec } });
      expectCode(result, 'BAD_USER_INPUT', field);
    });

    it('createBackup refuses pre and post rules that are not the tenant’s', async () => {
      const createBackup = 'mutation($input: CreateBackupInput!) { createBackup(input: $input) { id } }';
      const input = { clusterId: ids.a2, locationId: ids.location };
      const ruleId = await newRule('for-backup');
      expectCode(
        await gql(operator, createBackup, { input: { ...input, preRuleId: 'no-such-rule' } }),
        'NOT_FOUND',
      );
      expectCode(
        await gql(operator, createBackup, { input: { ...input, postRuleId: 'no-such-rule' } }),
        'NOT_FOUND',
      );
      const ok = await gql(operator, createBackup, {
        input: { ...input, preRuleId: ruleId, postRuleId: ruleId },
      });
      expect(ok.errors).toBeUndefined();
    });
  });

  describe('backup schedules', () => {
    it('creates, lists, suspends, resumes, updates and deletes a schedule, guarding what it uses', async () => {
      const policyId = await newPolicy('sched-policy', { daily: { time: '01:00' } });
      const otherPolicyId = await newPolicy('sched-policy-2', {
        weekly: { daysOfWeek: ['sunday'], time: '01:00' },
      });
      const ruleId = await newRule('sched-rule');
      const created = await newSchedule({
        clusterId: ids.a1,
        name: 'shop-nightly',
        policyId,
        template: {
          locationId: ids.location,
          includeNamespaces: ['shop'],
          labelSelectors: ['app=web'],
          preRuleId: ruleId,
          postRuleId: ruleId,
          labels: [{ key: 'team', value: 'shop' }],
          namePrefix: 'shop',
        },
      });
      expect(created).toMatchObject({
        clusterId: ids.a1,
        policyId,
        suspended: false,
        nextRunAt: null,
        template: { locationId: ids.location, preRuleId: ruleId, postRuleId: ruleId, namePrefix: 'shop' },
      });
      const id = created.id;

      expectCode(await gql(operator, deletePolicy, { id: policyId }), 'CONFLICT');
      expectCode(await gql(operator, deleteRule, { id: ruleId }), 'CONFLICT');
      expectCode(
        await gql(operator, createSchedule, {
          input: {
            clusterId: ids.a2,
            name: 'shop-nightly',
            policyId,
            template: { locationId: ids.location },
          },
        }),
        'CONFLICT',
      );

      const suspended = await must<{ suspendBackupSchedule: ScheduleView }>(
        operator,
        'mutation($id: ID!) { suspendBackupSchedule(id: $id) { id suspended nextRunAt } }',
        { id },
      );
      expect(suspended.suspendBackupSchedule).toMatchObject({ suspended: true, nextRunAt: null });
      const onlySuspended = await must<ScheduleList>(viewer, listSchedules, { f: { suspended: true } });
      expect(onlySuspended.backupSchedules.edges.map((e) => e.node.id)).toEqual([id]);
      const resumed = await must<{ resumeBackupSchedule: ScheduleView }>(
        operator,
        'mutation($id: ID!) { resumeBackupSchedule(id: $id) { id suspended } }',
        { id },
      );
      expect(resumed.resumeBackupSchedule.suspended).toBe(false);
      expect(
        (await must<ScheduleList>(viewer, listSchedules, { f: { suspended: true } })).backupSchedules
          .totalCount,
      ).toBe(0);

      const updated = await must<{ updateBackupSchedule: ScheduleView }>(operator, updateSchedule, {
        id,
        input: { name: 'shop-weekly', policyId: otherPolicyId, template: { locationId: ids.location } },
      });
      expect(updated.updateBackupSchedule).toMatchObject({
        name: 'shop-weekly',
        policyId: otherPolicyId,
        template: { preRuleId: null, postRuleId: null, namePrefix: null },
      });
      const byPolicy = await must<ScheduleList>(viewer, listSchedules, { f: { policyId: otherPolicyId } });
      expect(byPolicy.backupSchedules.edges.map((e) => e.node.id)).toEqual([id]);
      // The rule and the first policy are free again.
      expect(await must(operator, deleteRule, { id: ruleId })).toEqual({ deleteRule: ruleId });
      expect(await must(operator, deletePolicy, { id: policyId })).toEqual({
        deleteSchedulePolicy: policyId,
      });

      expectCode(await gql(viewer, deleteSchedule, { id }), 'FORBIDDEN');
      expect(await must(operator, deleteSchedule, { id })).toEqual({ deleteBackupSchedule: id });
      expect(await must(operator, deletePolicy, { id: otherPolicyId })).toEqual({
        deleteSchedulePolicy: otherPolicyId,
      });
      expectCode(
        await gql(viewer, 'query($id: ID!) { backupSchedule(id: $id) { id } }', { id }),
        'NOT_FOUND',
      );
    });

    it('refuses a policy, location or rule that is not the tenant’s', async () => {
      const policyId = await newPolicy('refs-policy', { daily: { time: '01:00' } });
      const base = { clusterId: ids.a1, name: 'refs', policyId, template: { locationId: ids.location } };
      const attempts: [object, string][] = [
        [{ ...base, policyId: ids.policyB }, 'SchedulePolicy'],
        [{ ...base, template: { locationId: ids.locationB } }, 'BackupLocation'],
        [{ ...base, template: { locationId: ids.location, preRuleId: 'no-such-rule' } }, 'Rule'],
        [{ ...base, template: { locationId: ids.location, postRuleId: 'no-such-rule' } }, 'Rule'],
      ];
      for (const [input, kind] of attempts) {
        const result = await gql(operator, createSchedule, { input });
        expectCode(result, 'NOT_FOUND');
        expect(result.errors?.[0]?.message).toContain(kind);
      }
    });

    it.each([
      [{ template: { locationId: 'x', labelSelectors: ['app in ()'] } }, 'input.template.labelSelectors[0]'],
      [{ template: { locationId: 'x', namePrefix: 'a'.repeat(44) } }, 'input.template.namePrefix'],
      [
        { template: { locationId: 'x', labels: [{ key: 'bad key', value: 'v' }] } },
        'input.template.labels.bad key',
      ],
      [{ name: 'Not_A_Name', template: { locationId: 'x' } }, 'input.name'],
    ])('refuses the schedule %j naming %s', async (extra, field) => {
      const result = await gql(operator, createSchedule, {
        input: { clusterId: ids.a1, name: 'bad', policyId: 'x', ...extra },
      });
      expectCode(result, 'BAD_USER_INPUT', field);
    });

    it('a cluster-narrowed operator sees and changes only its cluster’s schedules', async () => {
      const policyId = await newPolicy('narrow-policy', { daily: { time: '01:00' } });
      const template = { locationId: ids.location };
      const onA1 = await newSchedule({ clusterId: ids.a1, name: 'on-a1', policyId, template });
      const onA2 = await newSchedule({ clusterId: ids.a2, name: 'on-a2', policyId, template });

      const seen = await must<ScheduleList>(narrowed, listSchedules, { f: { policyId } });
      expect(seen.backupSchedules.edges.map((e) => e.node.id)).toEqual([onA1.id]);
      expect(seen.backupSchedules.totalCount).toBe(1);
      const all = await must<ScheduleList>(operator, listSchedules, { f: { policyId } });
      expect(all.backupSchedules.edges.map((e) => e.node.id).sort()).toEqual([onA1.id, onA2.id].sort());
      const byCluster = await must<ScheduleList>(operator, listSchedules, {
        f: { policyId, clusterId: ids.a2 },
      });
      expect(byCluster.backupSchedules.edges.map((e) => e.node.id)).toEqual([onA2.id]);

      expectCode(
        await gql(narrowed, 'query($id: ID!) { backupSchedule(id: $id) { id } }', { id: onA2.id }),
        'NOT_FOUND',
      );
      expectCode(
        await gql(narrowed, 'mutation($id: ID!) { suspendBackupSchedule(id: $id) { id } }', { id: onA2.id }),
        'NOT_FOUND',
      );
      expectCode(
        await gql(narrowed, createSchedule, {
          input: { clusterId: ids.a2, name: 'sneaky', policyId, template },
        }),
        'NOT_FOUND',
      );
      const own = await must<{ suspendBackupSchedule: { suspended: boolean } }>(
        narrowed,
        'mutation($id: ID!) { suspendBackupSchedule(id: $id) { suspended } }',
        { id: onA1.id },
      );
      expect(own.suspendBackupSchedule.suspended).toBe(true);
      await newSchedule({ clusterId: ids.a1, name: 'by-narrowed', policyId, template }, narrowed);
      // The policy is still used by a schedule the narrowed operator cannot see: refused all the same.
      await must(narrowed, deleteSchedule, { id: onA1.id });
      const byNarrowed = await must<ScheduleList>(narrowed, listSchedules, { f: { policyId } });
      for (const edge of byNarrowed.backupSchedules.edges)
        await must(narrowed, deleteSchedule, { id: edge.node.id });
      expectCode(await gql(narrowed, deletePolicy, { id: policyId }), 'CONFLICT');
    });

    it('tenant B’s schedules and policies stay invisible to tenant A', async () => {
      const list = await must<ScheduleList>(operator, listSchedules, { f: { tenantId: ids.tenantB } });
      expect(list.backupSchedules.totalCount).toBe(0);
      expectCode(
        await gql(operator, 'query($id: ID!) { schedulePolicy(id: $id) { id } }', { id: ids.policyB }),
        'NOT_FOUND',
      );
    });

    it('keeps a location a schedule writes to, and deletes a cluster\'s schedules with the cluster', async () => {
      const admin = hub.adminToken;
      const cluster = await must<{ registerCluster: { cluster: { id: string } } }>(
        admin,
        'mutation($t: ID!) { registerCluster(input: { tenantId: $t, name: "short-lived" }) { cluster { id } } }',
        { t: ids.tenantA },
      );
      const clusterId = cluster.registerCluster.cluster.id;
      const location = await must<{ createBackupLocation: { id: string } }>(
        admin,
        'mutation($t: ID!) { createBackupLocation(input: { tenantId: $t, name: "scheduled", filesystem: { path: "/srv/s" } }) { id } }',
        { t: ids.tenantA },
      );
      const locationId = location.createBackupLocation.id;
      const policyId = await newPolicy('for-guards', { daily: { time: '03:00' } });
      const schedule = await newSchedule({ clusterId, name: 'guarded', policyId, template: { locationId } });
      const deleteLocation = 'mutation($id: ID!) { deleteBackupLocation(id: $id) }';
      expectCode(await gql(admin, deleteLocation, { id: locationId }), 'CONFLICT');
      await must(admin, 'mutation($id: ID!) { deleteCluster(id: $id) }', { id: clusterId });
      const gone = await gql(admin, 'query($id: ID!) { backupSchedule(id: $id) { id } }', { id: schedule.id });
      expectCode(gone, 'NOT_FOUND');
      await must(admin, deleteLocation, { id: locationId });
    });
  });
});
