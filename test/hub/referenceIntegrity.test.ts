import type { EntityName } from '@mikro-orm/core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { entities } from '../../hub/src/server/entities.ts';
import { TenantEntity } from '../../hub/src/tenants/TenantEntity.ts';
import { databasesOf } from '../kit/databases.ts';
import { type SeedableHub, startSeedableHub } from '../kit/startSeedableHub.ts';

// Every input naming a tenant, cluster, location, credential, policy, rule or backup must name an existing one
// the caller may use: the README's own placeholder `<tenant id>`, used as given by a hub administrator, once
// created a working cluster, binding, location and admin token in a tenant that did not exist.
const world = inject('world');
const fake = '<tenant id>';

/** Each create mutation with one reference made up; `f` holds real ids for the other references. */
interface Refs {
  tenant: string;
  cluster: string;
  location: string;
  policy: string;
}
/** `kind` is what NOT_FOUND names; `badInput` instead, the BAD_USER_INPUT message expected. */
const creates: Record<string, { query: string; variables: (f: Refs) => object; kind?: string; badInput?: string }> = {
  registerCluster: {
    query: 'mutation($t: ID!) { registerCluster(input: { tenantId: $t, name: "ghost" }) { enrollmentToken } }',
    variables: () => ({ t: fake }),
    kind: 'Tenant',
  },
  createRoleBinding: {
    query: 'mutation($t: ID!) { createRoleBinding(input: { tenantId: $t, subjectKind: user, subject: "x", role: admin }) { id } }',
    variables: () => ({ t: fake }),
    kind: 'Tenant',
  },
  createApiToken: {
    query: 'mutation($t: ID!) { createApiToken(input: { tenantId: $t, name: "ghost", role: admin }) { token } }',
    variables: () => ({ t: fake }),
    kind: 'Tenant',
  },
  createCredential: {
    query:
      'mutation($t: ID!) { createCredential(input: { tenantId: $t, name: "ghost", aws: { accessKeyId: "k", secretAccessKey: "s" } }) { id } }',
    variables: () => ({ t: fake }),
    kind: 'Tenant',
  },
  createBackupLocation: {
    query:
      'mutation($t: ID!) { createBackupLocation(input: { tenantId: $t, name: "ghost", filesystem: { path: "/backups" } }) { id } }',
    variables: () => ({ t: fake }),
    kind: 'Tenant',
  },
  createBackupLocationWithAMadeUpCredential: {
    query:
      'mutation($t: ID!) { createBackupLocation(input: { tenantId: $t, name: "ghost", s3: { bucket: "ghost-backups" }, credentialId: "<credential id>" }) { id } }',
    variables: (f) => ({ t: f.tenant }),
    badInput: "input.credentialId: no credential '<credential id>' in this tenant",
  },
  createSchedulePolicy: {
    query:
      'mutation($t: ID!) { createSchedulePolicy(input: { tenantId: $t, name: "ghost", spec: { daily: { time: "01:00" } } }) { id } }',
    variables: () => ({ t: fake }),
    kind: 'Tenant',
  },
  createRule: {
    query:
      'mutation($t: ID!) { createRule(input: { tenantId: $t, name: "ghost", spec: { subRules: [{ podSelectors: ["app=db"], actions: [{ command: "sync" }] }] } }) { id } }',
    variables: () => ({ t: fake }),
    kind: 'Tenant',
  },
  createBackup: {
    query: 'mutation($l: ID!) { createBackup(input: { clusterId: "<cluster id>", locationId: $l }) { id } }',
    variables: (f) => ({ l: f.location }),
    kind: 'Cluster',
  },
  createBackupWithAMadeUpLocation: {
    query: 'mutation($c: ID!) { createBackup(input: { clusterId: $c, locationId: "<location id>" }) { id } }',
    variables: (f) => ({ c: f.cluster }),
    kind: 'BackupLocation',
  },
  createBackupSchedule: {
    query:
      'mutation($c: ID!, $l: ID!) { createBackupSchedule(input: { clusterId: $c, name: "ghost", policyId: "<policy id>", template: { locationId: $l } }) { id } }',
    variables: (f) => ({ c: f.cluster, l: f.location }),
    kind: 'SchedulePolicy',
  },
  createBackupScheduleWithAMadeUpRule: {
    query:
      'mutation($c: ID!, $l: ID!, $p: ID!) { createBackupSchedule(input: { clusterId: $c, name: "ghost", policyId: $p, template: { locationId: $l, preRuleId: "<rule id>" } }) { id } }',
    variables: (f) => ({ c: f.cluster, l: f.location, p: f.policy }),
    kind: 'Rule',
  },
  createRestore: {
    query: 'mutation($c: ID!) { createRestore(input: { backupId: "<backup id>", targetClusterId: $c }) { id } }',
    variables: (f) => ({ c: f.cluster }),
    kind: 'Backup',
  },
};

describe.each(databasesOf(world))('references in inputs on %s', (database) => {
  let hub: SeedableHub;
  let refs: Refs;

  /** Rows of every table, read past the scope filter. */
  async function rowCounts(): Promise<Record<string, number>> {
    const em = hub.orm.em.fork();
    const counts: Record<string, number> = {};
    for (const entity of entities) {
      counts[entity.meta.className] = await em.count(entity as EntityName<object>, {}, { filters: false });
    }
    return counts;
  }

  beforeAll(async () => {
    hub = await startSeedableHub({ database, world });
    const tenant = (await hub.admin<{ createTenant: { id: string } }>('mutation { createTenant(input: { name: "real" }) { id } }'))
      .createTenant.id;
    const cluster = (
      await hub.admin<{ registerCluster: { cluster: { id: string } } }>(
        'mutation($t: ID!) { registerCluster(input: { tenantId: $t, name: "c1" }) { cluster { id } } }',
        { t: tenant },
      )
    ).registerCluster.cluster.id;
    const location = (
      await hub.admin<{ createBackupLocation: { id: string } }>(
        'mutation($t: ID!) { createBackupLocation(input: { tenantId: $t, name: "fs", filesystem: { path: "/backups" } }) { id } }',
        { t: tenant },
      )
    ).createBackupLocation.id;
    const policy = (
      await hub.admin<{ createSchedulePolicy: { id: string } }>(
        'mutation($t: ID!) { createSchedulePolicy(input: { tenantId: $t, name: "nightly", spec: { daily: { time: "01:00" } } }) { id } }',
        { t: tenant },
      )
    ).createSchedulePolicy.id;
    refs = { tenant, cluster, location, policy };
  });
  afterAll(async () => {
    await hub?.stop();
  });

  it.each(Object.keys(creates))('%s with a made-up reference is refused and creates nothing', async (name) => {
    const { query, variables, kind, badInput } = creates[name] as (typeof creates)[string];
    const before = await rowCounts();
    const result = await hub.gql(hub.adminToken, query, variables(refs));
    expect(result.data).toBeNull();
    const errors = result.errors?.map((e) => [e.extensions?.code, e.message]);
    if (badInput) expect(errors).toEqual([['BAD_USER_INPUT', badInput]]);
    else expect(errors).toEqual([['NOT_FOUND', expect.stringMatching(new RegExp(`^${kind} '<[a-z ]+ id>' was not found$`))]]);
    expect(await rowCounts()).toEqual(before);
  });

  it('lists only the real tenant to the hub administrator', async () => {
    const tenants = await hub.orm.em.fork().find(TenantEntity, {}, { filters: false });
    expect(tenants.map((t) => t.name)).toEqual(['real']);
  });
});
