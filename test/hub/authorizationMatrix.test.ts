import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSchema } from 'graphql';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { databasesOf } from '../kit/databases.ts';
import { aBackup } from '../kit/seedCatalog.ts';
import { type SeedableHub, startSeedableHub } from '../kit/startSeedableHub.ts';
import { fetchIdpToken } from '../world/idp/fetchIdpToken.ts';
import { repoRoot } from '../world/peerBinary.ts';

const world = inject('world');
const idp = world.idp;

/** Ids of the objects made in tenant A and tenant B before the matrix runs. */
interface Fixture {
  tenantA: string;
  tenantB: string;
  clusterA1: string;
  clusterA2: string;
  clusterB1: string;
  bindingB: string;
  tokenB: string;
  backupB: string;
  restoreB: string;
  jobB: string;
  credentialB: string;
  locationB: string;
  policyB: string;
  ruleB: string;
  scheduleB: string;
}

/**
 * Who may do it: callers without a token too (`public`: only what a sign-in page shows, see
 * hub/src/auth/anonymousOperation.ts), any signed-in caller, a viewer/operator/admin of the object's tenant, or a
 * hub admin.
 */
type Minimum = 'public' | 'anyone' | 'viewer' | 'operator' | 'admin' | 'hubAdmin';

/** Identities of tenant A narrowed to cluster A1 (`…C1`) or to namespaces `shop-*` (`…Shop`). */
type Narrowed = 'adminC1' | 'operatorC1' | 'viewerC1' | 'adminShop' | 'operatorShop' | 'viewerShop';
const narrowedNames: Narrowed[] = ['adminC1', 'operatorC1', 'viewerC1', 'adminShop', 'operatorShop', 'viewerShop'];

interface Operation {
  minimum: Minimum;
  /** The operation against tenant B's objects (or tenant B itself), as a caller of tenant A would try. */
  onB: (f: Fixture) => { query: string; variables?: object };
}

/**
 * Every root field of the public schema. A field without an entry fails the first test, so a new operation
 * cannot ship without a decision about who may call it.
 */
const matrix: Record<string, Operation> = {
  users: {
    minimum: 'admin',
    onB: (f) => ({
      query: 'query($t: ID) { users(tenantId: $t) { edges { node { subject } } } }',
      variables: { t: f.tenantB },
    }),
  },
  signInOptions: {
    minimum: 'public',
    onB: () => ({ query: '{ signInOptions { oidcIssuer oidcClientId oidcAudience oidcScopes } }' }),
  },
  me: { minimum: 'anyone', onB: () => ({ query: '{ me { kind } }' }) },
  tenants: { minimum: 'anyone', onB: () => ({ query: '{ tenants { edges { node { id name } } } }' }) },
  tenant: {
    minimum: 'viewer',
    onB: (f) => ({ query: 'query($id: ID!) { tenant(id: $id) { id name } }', variables: { id: f.tenantB } }),
  },
  rotateAdminToken: { minimum: 'hubAdmin', onB: () => ({ query: 'mutation { rotateAdminToken }' }) },
  createTenant: {
    minimum: 'hubAdmin',
    onB: () => ({ query: 'mutation { createTenant(input: { name: "intruder" }) { id } }' }),
  },
  updateTenant: {
    minimum: 'admin',
    onB: (f) => ({
      query: 'mutation($id: ID!) { updateTenant(id: $id, input: { displayName: "x" }) { id } }',
      variables: { id: f.tenantB },
    }),
  },
  deleteTenant: {
    minimum: 'hubAdmin',
    onB: (f) => ({ query: 'mutation($id: ID!) { deleteTenant(id: $id) }', variables: { id: f.tenantB } }),
  },
  roleBindings: {
    minimum: 'admin',
    onB: (f) => ({
      query: 'query($t: ID!) { roleBindings(tenantId: $t) { edges { node { id subject } } } }',
      variables: { t: f.tenantB },
    }),
  },
  createRoleBinding: {
    minimum: 'admin',
    onB: (f) => ({
      query:
        'mutation($t: ID!) { createRoleBinding(input: { tenantId: $t, subjectKind: user, subject: "x", role: admin }) { id } }',
      variables: { t: f.tenantB },
    }),
  },
  deleteRoleBinding: {
    minimum: 'admin',
    onB: (f) => ({
      query: 'mutation($id: ID!) { deleteRoleBinding(id: $id) }',
      variables: { id: f.bindingB },
    }),
  },
  apiTokens: {
    minimum: 'admin',
    onB: (f) => ({
      query: 'query($t: ID!) { apiTokens(tenantId: $t) { edges { node { id hint } } } }',
      variables: { t: f.tenantB },
    }),
  },
  createApiToken: {
    minimum: 'admin',
    onB: (f) => ({
      query:
        'mutation($t: ID!) { createApiToken(input: { tenantId: $t, name: "x", role: admin }) { token } }',
      variables: { t: f.tenantB },
    }),
  },
  revokeApiToken: {
    minimum: 'admin',
    onB: (f) => ({
      query: 'mutation($id: ID!) { revokeApiToken(id: $id) { id } }',
      variables: { id: f.tokenB },
    }),
  },
  clusters: { minimum: 'anyone', onB: () => ({ query: '{ clusters { edges { node { id name } } } }' }) },
  cluster: {
    minimum: 'viewer',
    onB: (f) => ({
      query: 'query($id: ID!) { cluster(id: $id) { id name } }',
      variables: { id: f.clusterB1 },
    }),
  },
  clusterNamespaces: {
    minimum: 'viewer',
    onB: (f) => ({
      query: 'query($id: ID!) { clusterNamespaces(clusterId: $id) { edges { node { name } } } }',
      variables: { id: f.clusterB1 },
    }),
  },
  rebuildCatalog: {
    minimum: 'admin',
    onB: (f) => ({
      query: 'mutation($id: ID!, $c: ID!) { rebuildCatalog(locationId: $id, clusterId: $c) { id } }',
      variables: { id: f.locationB, c: f.clusterB1 },
    }),
  },
  validateBackupLocation: {
    minimum: 'operator',
    onB: (f) => ({
      query: 'mutation($id: ID!, $c: ID!) { validateBackupLocation(id: $id, clusterId: $c) { id } }',
      variables: { id: f.locationB, c: f.clusterB1 },
    }),
  },
  registerCluster: {
    minimum: 'admin',
    onB: (f) => ({
      query:
        'mutation($t: ID!) { registerCluster(input: { tenantId: $t, name: "intruder" }) { enrollmentToken } }',
      variables: { t: f.tenantB },
    }),
  },
  renewClusterEnrollment: {
    minimum: 'admin',
    onB: (f) => ({
      query: 'mutation($id: ID!) { renewClusterEnrollment(id: $id) { enrollmentToken } }',
      variables: { id: f.clusterB1 },
    }),
  },
  setClusterLabels: {
    minimum: 'admin',
    onB: (f) => ({
      query: 'mutation($id: ID!) { setClusterLabels(id: $id, labels: []) { id } }',
      variables: { id: f.clusterB1 },
    }),
  },
  deleteCluster: {
    minimum: 'admin',
    onB: (f) => ({ query: 'mutation($id: ID!) { deleteCluster(id: $id) }', variables: { id: f.clusterB1 } }),
  },
  credentials: {
    minimum: 'viewer',
    onB: (f) => ({
      query: 'query($t: ID!) { credentials(tenantId: $t) { edges { node { id name } } } }',
      variables: { t: f.tenantB },
    }),
  },
  credential: {
    minimum: 'viewer',
    onB: (f) => ({
      query: 'query($id: ID!) { credential(id: $id) { id name } }',
      variables: { id: f.credentialB },
    }),
  },
  createCredential: {
    minimum: 'admin',
    onB: (f) => ({
      query:
        'mutation($t: ID!) { createCredential(input: { tenantId: $t, name: "intruder", aws: { accessKeyId: "k", secretAccessKey: "s" } }) { id } }',
      variables: { t: f.tenantB },
    }),
  },
  updateCredential: {
    minimum: 'admin',
    onB: (f) => ({
      query: 'mutation($id: ID!) { updateCredential(id: $id, input: { name: "renamed" }) { id } }',
      variables: { id: f.credentialB },
    }),
  },
  deleteCredential: {
    minimum: 'admin',
    onB: (f) => ({
      query: 'mutation($id: ID!) { deleteCredential(id: $id) }',
      variables: { id: f.credentialB },
    }),
  },
  backupLocations: {
    minimum: 'viewer',
    onB: (f) => ({
      query: 'query($t: ID!) { backupLocations(tenantId: $t) { edges { node { id name } } } }',
      variables: { t: f.tenantB },
    }),
  },
  backupLocation: {
    minimum: 'viewer',
    onB: (f) => ({
      query: 'query($id: ID!) { backupLocation(id: $id) { id name } }',
      variables: { id: f.locationB },
    }),
  },
  createBackupLocation: {
    minimum: 'admin',
    onB: (f) => ({
      query:
        'mutation($t: ID!) { createBackupLocation(input: { tenantId: $t, name: "intruder", filesystem: { path: "/x" } }) { id } }',
      variables: { t: f.tenantB },
    }),
  },
  updateBackupLocation: {
    minimum: 'admin',
    onB: (f) => ({
      query: 'mutation($id: ID!) { updateBackupLocation(id: $id, input: { name: "renamed" }) { id } }',
      variables: { id: f.locationB },
    }),
  },
  rotateLocationKey: {
    minimum: 'admin',
    onB: (f) => ({
      query: 'mutation($id: ID!, $c: ID!) { rotateLocationKey(id: $id, clusterId: $c) { id } }',
      variables: { id: f.locationB, c: f.clusterB1 },
    }),
  },
  deleteBackupLocation: {
    minimum: 'admin',
    onB: (f) => ({
      query: 'mutation($id: ID!) { deleteBackupLocation(id: $id) }',
      variables: { id: f.locationB },
    }),
  },
  backups: { minimum: 'anyone', onB: () => ({ query: '{ backups { edges { node { id name } } } }' }) },
  backup: {
    minimum: 'viewer',
    onB: (f) => ({ query: 'query($id: ID!) { backup(id: $id) { id name } }', variables: { id: f.backupB } }),
  },
  createBackup: {
    minimum: 'operator',
    onB: (f) => ({
      query: 'mutation($c: ID!) { createBackup(input: { clusterId: $c, locationId: "any" }) { id } }',
      variables: { c: f.clusterB1 },
    }),
  },
  deleteBackup: {
    minimum: 'operator',
    onB: (f) => ({
      query: 'mutation($id: ID!) { deleteBackup(id: $id) { id } }',
      variables: { id: f.backupB },
    }),
  },
  restores: { minimum: 'anyone', onB: () => ({ query: '{ restores { edges { node { id backupId } } } }' }) },
  restore: {
    minimum: 'viewer',
    onB: (f) => ({ query: 'query($id: ID!) { restore(id: $id) { id } }', variables: { id: f.restoreB } }),
  },
  createRestore: {
    minimum: 'operator',
    onB: (f) => ({
      query:
        'mutation($b: ID!, $c: ID!) { createRestore(input: { backupId: $b, targetClusterId: $c }) { id } }',
      variables: { b: f.backupB, c: f.clusterB1 },
    }),
  },
  jobs: { minimum: 'anyone', onB: () => ({ query: '{ jobs { edges { node { id subjectId } } } }' }) },
  job: {
    minimum: 'viewer',
    onB: (f) => ({ query: 'query($id: ID!) { job(id: $id) { id } }', variables: { id: f.jobB } }),
  },
  cancelJob: {
    minimum: 'operator',
    onB: (f) => ({ query: 'mutation($id: ID!) { cancelJob(id: $id) { id } }', variables: { id: f.jobB } }),
  },
  // Over HTTP a subscription runs once; over graphql-ws its subscribe step makes the same check.
  backupUpdated: {
    minimum: 'viewer',
    onB: (f) => ({
      query: 'subscription($id: ID!) { backupUpdated(id: $id) { id } }',
      variables: { id: f.backupB },
    }),
  },
  restoreUpdated: {
    minimum: 'viewer',
    onB: (f) => ({
      query: 'subscription($id: ID!) { restoreUpdated(id: $id) { id } }',
      variables: { id: f.restoreB },
    }),
  },
  jobUpdated: {
    minimum: 'viewer',
    onB: (f) => ({
      query: 'subscription($id: ID!) { jobUpdated(id: $id) { id } }',
      variables: { id: f.jobB },
    }),
  },
  schedulePolicies: {
    minimum: 'viewer',
    onB: (f) => ({
      query: 'query($t: ID!) { schedulePolicies(tenantId: $t) { edges { node { id name } } } }',
      variables: { t: f.tenantB },
    }),
  },
  schedulePolicy: {
    minimum: 'viewer',
    onB: (f) => ({
      query: 'query($id: ID!) { schedulePolicy(id: $id) { id name } }',
      variables: { id: f.policyB },
    }),
  },
  schedulePolicyPresets: {
    minimum: 'anyone',
    onB: () => ({ query: '{ schedulePolicyPresets { name spec { kind } } }' }),
  },
  createSchedulePolicy: {
    minimum: 'operator',
    onB: (f) => ({
      query:
        'mutation($t: ID!) { createSchedulePolicy(input: { tenantId: $t, name: "intruder", spec: { daily: { time: "01:00" } } }) { id } }',
      variables: { t: f.tenantB },
    }),
  },
  updateSchedulePolicy: {
    minimum: 'operator',
    onB: (f) => ({
      query: 'mutation($id: ID!) { updateSchedulePolicy(id: $id, input: { name: "renamed" }) { id } }',
      variables: { id: f.policyB },
    }),
  },
  deleteSchedulePolicy: {
    minimum: 'operator',
    onB: (f) => ({
      query: 'mutation($id: ID!) { deleteSchedulePolicy(id: $id) }',
      variables: { id: f.policyB },
    }),
  },
  rules: {
    minimum: 'viewer',
    onB: (f) => ({
      query: 'query($t: ID!) { rules(tenantId: $t) { edges { node { id name } } } }',
      variables: { t: f.tenantB },
    }),
  },
  rule: {
    minimum: 'viewer',
    onB: (f) => ({ query: 'query($id: ID!) { rule(id: $id) { id name } }', variables: { id: f.ruleB } }),
  },
  createRule: {
    minimum: 'operator',
    onB: (f) => ({
      query:
        'mutation($t: ID!) { createRule(input: { tenantId: $t, name: "intruder", spec: { subRules: [{ podSelectors: ["app=db"], actions: [{ command: "sync" }] }] } }) { id } }',
      variables: { t: f.tenantB },
    }),
  },
  updateRule: {
    minimum: 'operator',
    onB: (f) => ({
      query: 'mutation($id: ID!) { updateRule(id: $id, input: { name: "renamed" }) { id } }',
      variables: { id: f.ruleB },
    }),
  },
  deleteRule: {
    minimum: 'operator',
    onB: (f) => ({ query: 'mutation($id: ID!) { deleteRule(id: $id) }', variables: { id: f.ruleB } }),
  },
  backupSchedules: {
    minimum: 'anyone',
    onB: () => ({ query: '{ backupSchedules { edges { node { id name policyId } } } }' }),
  },
  backupSchedule: {
    minimum: 'viewer',
    onB: (f) => ({
      query: 'query($id: ID!) { backupSchedule(id: $id) { id name } }',
      variables: { id: f.scheduleB },
    }),
  },
  createBackupSchedule: {
    minimum: 'operator',
    onB: (f) => ({
      query:
        'mutation($c: ID!, $p: ID!, $l: ID!) { createBackupSchedule(input: { clusterId: $c, name: "intruder", policyId: $p, template: { locationId: $l } }) { id } }',
      variables: { c: f.clusterB1, p: f.policyB, l: f.locationB },
    }),
  },
  updateBackupSchedule: {
    minimum: 'operator',
    onB: (f) => ({
      query: 'mutation($id: ID!) { updateBackupSchedule(id: $id, input: { name: "renamed" }) { id } }',
      variables: { id: f.scheduleB },
    }),
  },
  suspendBackupSchedule: {
    minimum: 'operator',
    onB: (f) => ({
      query: 'mutation($id: ID!) { suspendBackupSchedule(id: $id) { id } }',
      variables: { id: f.scheduleB },
    }),
  },
  resumeBackupSchedule: {
    minimum: 'operator',
    onB: (f) => ({
      query: 'mutation($id: ID!) { resumeBackupSchedule(id: $id) { id } }',
      variables: { id: f.scheduleB },
    }),
  },
  deleteBackupSchedule: {
    minimum: 'operator',
    onB: (f) => ({
      query: 'mutation($id: ID!) { deleteBackupSchedule(id: $id) }',
      variables: { id: f.scheduleB },
    }),
  },
};

function rootFields(): { name: string; kind: 'query' | 'mutation' | 'subscription' }[] {
  const schema = buildSchema(readFileSync(join(repoRoot, 'schema/hub.graphql'), 'utf8'));
  return [
    ...Object.keys(schema.getQueryType()?.getFields() ?? {}).map((name) => ({
      name,
      kind: 'query' as const,
    })),
    ...Object.keys(schema.getMutationType()?.getFields() ?? {}).map((name) => ({
      name,
      kind: 'mutation' as const,
    })),
    ...Object.keys(schema.getSubscriptionType()?.getFields() ?? {}).map((name) => ({
      name,
      kind: 'subscription' as const,
    })),
  ];
}

describe('the authorization matrix', () => {
  it('has an entry for every query, mutation and subscription of schema/hub.graphql', () => {
    const missing = rootFields().filter((f) => !(f.name in matrix));
    expect(missing).toEqual([]);
  });
});

describe.skipIf(!idp).each(databasesOf(world))('authorization on %s', (database) => {
  let hub: SeedableHub;
  let f: Fixture;
  /** bob: operator of A (group); carol: viewer of A (user binding); dave: operator of A narrowed to cluster A1. */
  const tokens: Record<'bob' | 'carol' | 'dave', string> = { bob: '', carol: '', dave: '' };
  let viewerApiToken = '';
  /** API tokens of tenant A narrowed to cluster A1 or to namespaces `shop-*`, and their ids. */
  const narrowed: Record<Narrowed, string> = {
    adminC1: '',
    operatorC1: '',
    viewerC1: '',
    adminShop: '',
    operatorShop: '',
    viewerShop: '',
  };
  const narrowedIds: Partial<Record<Narrowed, string>> = {};
  /** Tenant A's objects the narrowed identities work on. */
  const a = { backupShop: '', backupAll: '', restoreShop: '', restoreAll: '', location: '', ruleUsed: '', ruleKube: '', daveBinding: '', policy: '' };

  beforeAll(async () => {
    hub = await startSeedableHub({ database, world, oidc: true });
    const admin = hub.adminToken;
    const must = async <T>(query: string, variables?: object): Promise<T> => {
      const r = await hub.gql<T>(admin, query, variables);
      if (r.errors) throw new Error(JSON.stringify(r.errors));
      return r.data as T;
    };
    const tenant = async (name: string) =>
      (
        await must<{ createTenant: { id: string } }>(
          `mutation { createTenant(input: { name: "${name}" }) { id } }`,
        )
      ).createTenant.id;
    const cluster = async (tenantId: string, name: string) =>
      (
        await must<{ registerCluster: { cluster: { id: string } } }>(
          'mutation($t: ID!, $n: String!) { registerCluster(input: { tenantId: $t, name: $n }) { cluster { id } } }',
          { t: tenantId, n: name },
        )
      ).registerCluster.cluster.id;
    const bind = async (t: string, kind: string, subject: string, role: string, clusterIds: string[] = []) =>
      (
        await must<{ createRoleBinding: { id: string } }>(
          `mutation($t: ID!, $s: String!, $c: [ID!]!) { createRoleBinding(input: { tenantId: $t, subjectKind: ${kind}, subject: $s, role: ${role}, clusterIds: $c }) { id } }`,
          { t, s: subject, c: clusterIds },
        )
      ).createRoleBinding.id;
    const tenantA = await tenant('tenant-a');
    const tenantB = await tenant('tenant-b');
    const clusterA1 = await cluster(tenantA, 'a1');
    const clusterA2 = await cluster(tenantA, 'a2');
    const clusterB1 = await cluster(tenantB, 'b1');
    await bind(tenantA, 'group', 'tenant-a-operators', 'operator');
    await bind(tenantA, 'user', 'u-carol', 'viewer');
    await bind(tenantA, 'user', 'u-dave', 'operator', [clusterA1]);
    const bindingB = await bind(tenantB, 'group', 'tenant-b-admins', 'admin');
    const tokenB = (
      await must<{ createApiToken: { apiToken: { id: string } } }>(
        'mutation($t: ID!) { createApiToken(input: { tenantId: $t, name: "ci", role: admin }) { apiToken { id } } }',
        { t: tenantB },
      )
    ).createApiToken.apiToken.id;
    viewerApiToken = (
      await must<{ createApiToken: { token: string } }>(
        'mutation($t: ID!) { createApiToken(input: { tenantId: $t, name: "viewer", role: viewer }) { token } }',
        { t: tenantA },
      )
    ).createApiToken.token;
    // A finished backup only an agent could produce, then a restore of it and that restore's job.
    const backupB = await aBackup(tenantB, clusterB1).insert(hub.orm);
    const restoreB = (
      await must<{ createRestore: { id: string } }>(
        'mutation($b: ID!, $c: ID!) { createRestore(input: { backupId: $b, targetClusterId: $c }) { id } }',
        { b: backupB, c: clusterB1 },
      )
    ).createRestore.id;
    const jobB = (
      await must<{ jobs: { edges: { node: { id: string } }[] } }>(
        'query($s: ID!) { jobs(filter: { subjectId: $s }) { edges { node { id } } } }',
        { s: restoreB },
      )
    ).jobs.edges[0]?.node.id as string;
    const credentialB = (
      await must<{ createCredential: { id: string } }>(
        'mutation($t: ID!) { createCredential(input: { tenantId: $t, name: "keys", aws: { accessKeyId: "k", secretAccessKey: "s" } }) { id } }',
        { t: tenantB },
      )
    ).createCredential.id;
    const locationB = (
      await must<{ createBackupLocation: { id: string } }>(
        'mutation($t: ID!, $c: ID!) { createBackupLocation(input: { tenantId: $t, name: "primary", s3: { bucket: "b-backups" }, credentialId: $c }) { id } }',
        { t: tenantB, c: credentialB },
      )
    ).createBackupLocation.id;
    const policyB = (
      await must<{ createSchedulePolicy: { id: string } }>(
        'mutation($t: ID!) { createSchedulePolicy(input: { tenantId: $t, name: "nightly", spec: { daily: { time: "01:00" } } }) { id } }',
        { t: tenantB },
      )
    ).createSchedulePolicy.id;
    const ruleB = (
      await must<{ createRule: { id: string } }>(
        'mutation($t: ID!) { createRule(input: { tenantId: $t, name: "flush", spec: { subRules: [{ podSelectors: ["app=db"], actions: [{ command: "sync" }] }] } }) { id } }',
        { t: tenantB },
      )
    ).createRule.id;
    const scheduleB = (
      await must<{ createBackupSchedule: { id: string } }>(
        'mutation($c: ID!, $p: ID!, $l: ID!, $r: ID!) { createBackupSchedule(input: { clusterId: $c, name: "nightly", policyId: $p, template: { locationId: $l, preRuleId: $r } }) { id } }',
        { c: clusterB1, p: policyB, l: locationB, r: ruleB },
      )
    ).createBackupSchedule.id;
    const narrowing: Record<Narrowed, [string, string[], string[]]> = {
      adminC1: ['admin', [clusterA1], []],
      operatorC1: ['operator', [clusterA1], []],
      viewerC1: ['viewer', [clusterA1], []],
      adminShop: ['admin', [], ['shop-*']],
      operatorShop: ['operator', [], ['shop-*']],
      viewerShop: ['viewer', [], ['shop-*']],
    };
    for (const [name, [role, clusterIds, namespaces]] of Object.entries(narrowing) as [Narrowed, [string, string[], string[]]][]) {
      const created = await must<{ createApiToken: { token: string; apiToken: { id: string } } }>(
        `mutation($t: ID!, $n: String!, $c: [ID!]!, $ns: [String!]!) { createApiToken(input: { tenantId: $t, name: $n, role: ${role}, clusterIds: $c, namespaces: $ns }) { token apiToken { id } } }`,
        { t: tenantA, n: name, c: clusterIds, ns: namespaces },
      );
      narrowed[name] = created.createApiToken.token;
      narrowedIds[name] = created.createApiToken.apiToken.id;
    }
    a.daveBinding = (
      await must<{ roleBindings: { edges: { node: { id: string; subject: string } }[] } }>(
        'query($t: ID!) { roleBindings(tenantId: $t) { edges { node { id subject } } } }',
        { t: tenantA },
      )
    ).roleBindings.edges.find((e) => e.node.subject === 'u-dave')?.node.id as string;
    a.backupShop = await aBackup(tenantA, clusterA1).ofNamespaces(['shop-a']).insert(hub.orm);
    a.backupAll = await aBackup(tenantA, clusterA1).insert(hub.orm);
    const restoreOf = async (backupId: string) =>
      (
        await must<{ createRestore: { id: string } }>(
          'mutation($b: ID!, $c: ID!) { createRestore(input: { backupId: $b, targetClusterId: $c }) { id } }',
          { b: backupId, c: clusterA1 },
        )
      ).createRestore.id;
    a.restoreShop = await restoreOf(a.backupShop);
    a.restoreAll = await restoreOf(a.backupAll);
    const credentialA = (
      await must<{ createCredential: { id: string } }>(
        'mutation($t: ID!) { createCredential(input: { tenantId: $t, name: "keys", aws: { accessKeyId: "k", secretAccessKey: "s" } }) { id } }',
        { t: tenantA },
      )
    ).createCredential.id;
    a.location = (
      await must<{ createBackupLocation: { id: string } }>(
        'mutation($t: ID!, $c: ID!) { createBackupLocation(input: { tenantId: $t, name: "primary", s3: { bucket: "a-backups" }, credentialId: $c }) { id } }',
        { t: tenantA, c: credentialA },
      )
    ).createBackupLocation.id;
    const rule = async (name: string, namespaces: string[]) =>
      (
        await must<{ createRule: { id: string } }>(
          'mutation($t: ID!, $n: String!, $ns: [String!]!) { createRule(input: { tenantId: $t, name: $n, spec: { subRules: [{ podSelectors: ["app=db"], namespaces: $ns, actions: [{ command: "sync" }] }] } }) { id } }',
          { t: tenantA, n: name, ns: namespaces },
        )
      ).createRule.id;
    a.ruleUsed = await rule('flush', []);
    a.ruleKube = await rule('kube', ['kube-system']);
    a.policy = (
      await must<{ createSchedulePolicy: { id: string } }>(
        'mutation($t: ID!) { createSchedulePolicy(input: { tenantId: $t, name: "nightly", spec: { daily: { time: "01:00" } } }) { id } }',
        { t: tenantA },
      )
    ).createSchedulePolicy.id;
    // An un-narrowed schedule of every namespace of A1 uses `flush`.
    await must(
      'mutation($c: ID!, $p: ID!, $l: ID!, $r: ID!) { createBackupSchedule(input: { clusterId: $c, name: "everything", policyId: $p, template: { locationId: $l, preRuleId: $r } }) { id } }',
      { c: clusterA1, p: a.policy, l: a.location, r: a.ruleUsed },
    );
    f = {
      tenantA,
      tenantB,
      clusterA1,
      clusterA2,
      clusterB1,
      bindingB,
      tokenB,
      backupB,
      restoreB,
      jobB,
      credentialB,
      locationB,
      policyB,
      ruleB,
      scheduleB,
    };
    for (const user of ['bob', 'carol', 'dave'] as const) {
      tokens[user] = (await fetchIdpToken(idp as NonNullable<typeof idp>, user)).accessToken;
    }
  });
  afterAll(() => hub?.stop());

  it.each(Object.entries(matrix).filter(([, op]) => op.minimum !== 'public'))(
    '%s without a token is UNAUTHENTICATED',
    async (_name, op) => {
      const { query, variables } = op.onB(f);
      const result = await hub.gql(undefined, query, variables);
      expect(result.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
      expect(result.data ?? null).toBeNull();
    },
  );

  it.each(Object.entries(matrix).filter(([, op]) => op.minimum === 'public'))(
    '%s answers without a token, but not beside any other field',
    async (_name, op) => {
      const { query, variables } = op.onB(f);
      const alone = await hub.gql(undefined, query, variables);
      expect(alone.errors).toBeUndefined();
      expect(alone.data).not.toBeNull();
      const withMe = await hub.gql(undefined, query.replace(/\}\s*$/, ' me { kind } }'), variables);
      expect(withMe.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
      expect(withMe.data ?? null).toBeNull();
    },
  );

  it.each(Object.entries(matrix).filter(([, op]) => !['anyone', 'public'].includes(op.minimum)))(
    "%s on tenant B's objects by a tenant A operator is refused and returns no data",
    async (_name, op) => {
      const { query, variables } = op.onB(f);
      const result = await hub.gql(tokens.bob, query, variables);
      expect(['NOT_FOUND', 'FORBIDDEN']).toContain(result.errors?.[0]?.extensions?.code);
      expect(result.data ?? null).toBeNull();
    },
  );

  it.each(Object.entries(matrix).filter(([, op]) => ['anyone', 'public'].includes(op.minimum)))(
    '%s by a tenant A operator shows nothing of tenant B',
    async (_name, op) => {
      const { query, variables } = op.onB(f);
      const result = await hub.gql(tokens.bob, query, variables);
      expect(result.errors).toBeUndefined();
      const text = JSON.stringify(result.data);
      const ofB = [f.tenantB, f.clusterB1, f.bindingB, f.tokenB, f.backupB, f.restoreB, f.jobB];
      for (const id of [...ofB, f.credentialB, f.locationB, f.policyB, f.ruleB, f.scheduleB]) {
        expect(text).not.toContain(id);
      }
    },
  );

  it('ids guessed from tenant A’s own are NOT_FOUND, not a hint', async () => {
    const guessed = `${f.clusterA1.slice(0, -1)}${f.clusterA1.endsWith('0') ? '1' : '0'}`;
    const result = await hub.gql(tokens.bob, 'query($id: ID!) { cluster(id: $id) { id } }', { id: guessed });
    expect(result.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('a viewer cannot mutate its own tenant', async () => {
    for (const token of [tokens.carol, viewerApiToken]) {
      const register = await hub.gql(
        token,
        'mutation($t: ID!) { registerCluster(input: { tenantId: $t, name: "v" }) { enrollmentToken } }',
        {
          t: f.tenantA,
        },
      );
      expect(register.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      expect(register.data ?? null).toBeNull();
      const labels = await hub.gql(
        token,
        'mutation($id: ID!) { setClusterLabels(id: $id, labels: []) { id } }',
        { id: f.clusterA1 },
      );
      expect(labels.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
  });

  it('an operator cannot administer', async () => {
    const result = await hub.gql(tokens.bob, 'mutation($id: ID!) { deleteCluster(id: $id) }', {
      id: f.clusterA1,
    });
    expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('a binding narrowed to one cluster sees only that cluster', async () => {
    const list = await hub.gql<{ clusters: { edges: { node: { id: string } }[] } }>(
      tokens.dave,
      '{ clusters { edges { node { id } } } }',
    );
    expect(list.data?.clusters.edges.map((e) => e.node.id)).toEqual([f.clusterA1]);
    const other = await hub.gql(tokens.dave, 'query($id: ID!) { cluster(id: $id) { id } }', {
      id: f.clusterA2,
    });
    expect(other.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(other.data ?? null).toBeNull();
  });

  it('a tenant A operator lists exactly tenant A and its clusters', async () => {
    const tenants = await hub.gql<{ tenants: { edges: { node: { id: string } }[] } }>(
      tokens.bob,
      '{ tenants { edges { node { id } } } }',
    );
    expect(tenants.data?.tenants.edges.map((e) => e.node.id)).toEqual([f.tenantA]);
    const clusters = await hub.gql<{ clusters: { edges: { node: { id: string } }[] } }>(
      tokens.bob,
      '{ clusters { edges { node { id } } } }',
    );
    expect(clusters.data?.clusters.edges.map((e) => e.node.id).sort()).toEqual(
      [f.clusterA1, f.clusterA2].sort(),
    );
  });

  it('a revoked API token is refused from the next request on', async () => {
    const admin = hub.adminToken;
    const created = await hub.gql<{ createApiToken: { token: string; apiToken: { id: string } } }>(
      admin,
      'mutation($t: ID!) { createApiToken(input: { tenantId: $t, name: "short", role: viewer }) { token apiToken { id } } }',
      { t: f.tenantA },
    );
    const secret = created.data?.createApiToken.token ?? '';
    expect((await hub.gql(secret, '{ me { kind } }')).errors).toBeUndefined();
    await hub.gql(admin, 'mutation($id: ID!) { revokeApiToken(id: $id) { id } }', {
      id: created.data?.createApiToken.apiToken.id,
    });
    const after = await hub.gql(secret, '{ me { kind } }');
    expect(after.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
  const cross = Object.entries(matrix).filter(([, op]) => !['anyone', 'public'].includes(op.minimum));
  it.each(narrowedNames.flatMap((who) => cross.map(([name, op]) => [who, name, op] as const)))(
    "%s: %s on tenant B's objects is refused and returns no data",
    async (who, _name, op) => {
      const { query, variables } = op.onB(f);
      const result = await hub.gql(narrowed[who], query, variables);
      expect(['NOT_FOUND', 'FORBIDDEN']).toContain(result.errors?.[0]?.extensions?.code);
      expect(result.data ?? null).toBeNull();
    },
  );

  /** What each narrowed identity may grant in tenant A: role, clusters (`A1`, `A2`), namespaces. */
  const grants: [Narrowed, string, ('A1' | 'A2')[], string[], 'ok' | 'FORBIDDEN'][] = [
    ['adminC1', 'admin', [], [], 'FORBIDDEN'],
    ['adminC1', 'viewer', [], [], 'FORBIDDEN'],
    ['adminC1', 'operator', ['A1', 'A2'], [], 'FORBIDDEN'],
    ['adminC1', 'admin', ['A1'], [], 'ok'],
    ['adminC1', 'viewer', ['A1'], ['shop-a'], 'ok'],
    ['adminShop', 'viewer', [], [], 'FORBIDDEN'],
    ['adminShop', 'viewer', [], ['*'], 'FORBIDDEN'],
    ['adminShop', 'operator', [], ['shop-a', 'kube-system'], 'FORBIDDEN'],
    ['adminShop', 'admin', [], ['shop-*'], 'ok'],
    ['adminShop', 'viewer', ['A1'], ['shop-web-*'], 'ok'],
    ['operatorC1', 'viewer', ['A1'], ['shop-a'], 'FORBIDDEN'],
    ['operatorShop', 'viewer', ['A1'], ['shop-a'], 'FORBIDDEN'],
    ['viewerC1', 'viewer', ['A1'], ['shop-a'], 'FORBIDDEN'],
    ['viewerShop', 'viewer', ['A1'], ['shop-a'], 'FORBIDDEN'],
  ];
  it.each(grants)(
    '%s granting %s on clusters %j in namespaces %j (a narrowed admin escalated): %s',
    async (who, role, clusters, namespaces, expected) => {
      const c = clusters.map((x) => (x === 'A1' ? f.clusterA1 : f.clusterA2));
      const vars = { t: f.tenantA, c, ns: namespaces };
      const token = await hub.gql(
        narrowed[who],
        `mutation($t: ID!, $c: [ID!]!, $ns: [String!]!) { createApiToken(input: { tenantId: $t, name: "minted", role: ${role}, clusterIds: $c, namespaces: $ns }) { token } }`,
        vars,
      );
      const binding = await hub.gql(
        narrowed[who],
        `mutation($t: ID!, $c: [ID!]!, $ns: [String!]!) { createRoleBinding(input: { tenantId: $t, subjectKind: group, subject: "minted", role: ${role}, clusterIds: $c, namespaces: $ns }) { id } }`,
        vars,
      );
      for (const result of [token, binding]) {
        if (expected === 'ok') expect(result.errors).toBeUndefined();
        else {
          expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
          expect(result.data ?? null).toBeNull();
        }
      }
    },
  );

  it('narrowed admins register no cluster, change neither the tenant, shared locations nor clusters beyond their narrowing', async () => {
    for (const who of ['adminC1', 'adminShop'] as const) {
      const register = await hub.gql(
        narrowed[who],
        'mutation($t: ID!) { registerCluster(input: { tenantId: $t, name: "mine" }) { enrollmentToken } }',
        { t: f.tenantA },
      );
      expect(register.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      expect(register.data ?? null).toBeNull();
      const tenant = await hub.gql(narrowed[who], 'mutation($id: ID!) { updateTenant(id: $id, input: { displayName: "x" }) { id } }', {
        id: f.tenantA,
      });
      expect(tenant.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      // A location serves every cluster of the tenant.
      const location = await hub.gql(narrowed[who], 'mutation($id: ID!) { updateBackupLocation(id: $id, input: { region: "x" }) { id } }', {
        id: a.location,
      });
      expect(location.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      expect(location.data ?? null).toBeNull();
    }
    const rebuild = await hub.gql(narrowed.adminShop, 'mutation($id: ID!, $c: ID!) { rebuildCatalog(locationId: $id, clusterId: $c) { id } }', {
      id: a.location,
      c: f.clusterA1,
    });
    expect(rebuild.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const labels = 'mutation($id: ID!) { setClusterLabels(id: $id, labels: []) { id } }';
    const other = await hub.gql(narrowed.adminC1, labels, { id: f.clusterA2 });
    expect(['NOT_FOUND', 'FORBIDDEN']).toContain(other.errors?.[0]?.extensions?.code);
    expect((await hub.gql(narrowed.adminC1, labels, { id: f.clusterA1 })).errors).toBeUndefined();
    const byShop = await hub.gql(narrowed.adminShop, 'mutation($id: ID!) { renewClusterEnrollment(id: $id) { enrollmentToken } }', {
      id: f.clusterA1,
    });
    expect(byShop.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(byShop.data ?? null).toBeNull();
  });

  it('narrowed admins list only the tokens and bindings within their narrowing, and revoke no wider one', async () => {
    const tokensOf = async (who: Narrowed) =>
      (
        await hub.gql<{ apiTokens: { totalCount: number; edges: { node: { id: string; clusterIds: string[]; namespaces: string[] } }[] } }>(
          narrowed[who],
          'query($t: ID!) { apiTokens(tenantId: $t, first: 500) { totalCount edges { node { id clusterIds namespaces } } } }',
          { t: f.tenantA },
        )
      ).data?.apiTokens;
    const c1 = await tokensOf('adminC1');
    expect(c1?.edges.length).toBe(c1?.totalCount);
    expect(c1?.edges.every((e) => e.node.clusterIds.length === 1 && e.node.clusterIds[0] === f.clusterA1)).toBe(true);
    expect(c1?.edges.map((e) => e.node.id)).toEqual(expect.arrayContaining([narrowedIds.adminC1, narrowedIds.viewerC1]));
    const shop = await tokensOf('adminShop');
    expect(shop?.edges.every((e) => e.node.namespaces.length > 0 && e.node.namespaces.every((n) => n.startsWith('shop-')))).toBe(true);
    const bindings = await hub.gql<{ roleBindings: { edges: { node: { id: string } }[] } }>(
      narrowed.adminC1,
      'query($t: ID!) { roleBindings(tenantId: $t, first: 500) { edges { node { id clusterIds } } } }',
      { t: f.tenantA },
    );
    expect(bindings.data?.roleBindings.edges.map((e) => e.node.id)).toContain(a.daveBinding);
    expect(JSON.stringify(bindings.data)).not.toContain('"clusterIds":[]');
    const revoke = await hub.gql(narrowed.adminC1, 'mutation($id: ID!) { revokeApiToken(id: $id) { id } }', {
      id: narrowedIds.adminShop,
    });
    expect(revoke.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(revoke.data ?? null).toBeNull();
  });

  it('a shop-* operator cannot aim a rule beyond its namespaces, nor change one that wider schedules use', async () => {
    const create = (namespaces: string[]) =>
      hub.gql(
        narrowed.operatorShop,
        'mutation($t: ID!, $ns: [String!]!) { createRule(input: { tenantId: $t, name: "sneak", spec: { subRules: [{ podSelectors: ["app=db"], namespaces: $ns, actions: [{ command: "id" }] }] } }) { id } }',
        { t: f.tenantA, ns: namespaces },
      );
    const kube = await create(['kube-system']);
    expect(kube.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(kube.data ?? null).toBeNull();
    expect((await create(['shop-a'])).errors).toBeUndefined();
    const update = await hub.gql(
      narrowed.operatorShop,
      'mutation($id: ID!) { updateRule(id: $id, input: { spec: { subRules: [{ podSelectors: ["app=db"], actions: [{ command: "id" }] }] } }) { id } }',
      { id: a.ruleUsed },
    );
    expect(update.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const remove = await hub.gql(narrowed.operatorShop, 'mutation($id: ID!) { deleteRule(id: $id) }', { id: a.ruleUsed });
    expect(remove.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('a narrowed operator cannot change the retention of a policy that wider schedules use', async () => {
    for (const who of ['operatorShop', 'operatorC1'] as const) {
      const update = await hub.gql(
        narrowed[who],
        'mutation($id: ID!) { updateSchedulePolicy(id: $id, input: { spec: { daily: { time: "02:00" }, retain: 1 } }) { id } }',
        { id: a.policy },
      );
      const expected = who === 'operatorShop' ? 'FORBIDDEN' : undefined;
      expect(update.errors?.[0]?.extensions?.code).toBe(expected);
    }
  });

  it("a shop-* operator's backups take no cluster-wide objects and run no rule beyond its namespaces", async () => {
    const backup = (extra: string, vars: object = {}) =>
      hub.gql(
        narrowed.operatorShop,
        `mutation($c: ID!, $l: ID!, $r: ID) { createBackup(input: { clusterId: $c, locationId: $l, preRuleId: $r, ${extra} }) { id } }`,
        { c: f.clusterA1, l: a.location, r: null, ...vars },
      );
    for (const refused of [
      await backup('includeNamespaces: ["shop-a"], clusterScoped: all'),
      await backup('includeNamespaces: []'),
      await backup('includeNamespaces: ["shop-a"]', { r: a.ruleKube }),
    ]) {
      expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      expect(refused.data ?? null).toBeNull();
    }
    expect((await backup('includeNamespaces: ["shop-a"], clusterScoped: auto')).errors).toBeUndefined();
  });

  it('a shop-* operator cannot overwrite from an all-namespaces backup into another cluster, only from its own', async () => {
    const restore = await hub.gql(
      narrowed.operatorShop,
      'mutation($b: ID!, $c: ID!) { createRestore(input: { backupId: $b, targetClusterId: $c, includeNamespaces: ["shop-a"], existingResourcePolicy: replace }) { id } }',
      { b: a.backupAll, c: f.clusterA2 },
    );
    expect(['NOT_FOUND', 'FORBIDDEN']).toContain(restore.errors?.[0]?.extensions?.code);
    expect(restore.data ?? null).toBeNull();
    const own = await hub.gql(
      narrowed.operatorShop,
      'mutation($b: ID!, $c: ID!) { createRestore(input: { backupId: $b, targetClusterId: $c, existingResourcePolicy: replace }) { id } }',
      { b: a.backupShop, c: f.clusterA2 },
    );
    expect(own.errors).toBeUndefined();
  });

  it('a shop-* viewer reads only the backups, schedules, restores and jobs within its namespaces (reads ignored narrowing)', async () => {
    const lists = await hub.gql<{
      backups: { totalCount: number; edges: { node: { id: string; spec: { includeNamespaces: string[] } } }[] };
      restores: { totalCount: number; edges: { node: { id: string } }[] };
      jobs: { totalCount: number; edges: { node: { subjectId: string } }[] };
    }>(
      narrowed.viewerShop,
      '{ backups(first: 500) { totalCount edges { node { id spec { includeNamespaces } } } } restores(first: 500) { totalCount edges { node { id } } } jobs(first: 500) { totalCount edges { node { subjectId } } } }',
    );
    expect(lists.errors).toBeUndefined();
    const backups = lists.data?.backups;
    expect(backups?.edges.map((e) => e.node.id)).toContain(a.backupShop);
    expect(backups?.edges.map((e) => e.node.id)).not.toContain(a.backupAll);
    expect(backups?.totalCount).toBe(backups?.edges.length);
    for (const { node } of backups?.edges ?? []) {
      expect(node.spec.includeNamespaces.length).toBeGreaterThan(0);
      expect(node.spec.includeNamespaces.every((ns) => ns.startsWith('shop-'))).toBe(true);
    }
    const restores = lists.data?.restores;
    expect(restores?.edges.map((e) => e.node.id)).toContain(a.restoreShop);
    expect(restores?.edges.map((e) => e.node.id)).not.toContain(a.restoreAll);
    expect(restores?.totalCount).toBe(restores?.edges.length);
    const jobs = lists.data?.jobs;
    expect(jobs?.edges.map((e) => e.node.subjectId)).toContain(a.restoreShop);
    expect(jobs?.edges.map((e) => e.node.subjectId)).not.toContain(a.restoreAll);
    expect(jobs?.totalCount).toBe(jobs?.edges.length);
    for (const [query, id] of [
      ['query($id: ID!) { backup(id: $id) { id spec { includeNamespaces } } }', a.backupAll],
      ['query($id: ID!) { restore(id: $id) { id } }', a.restoreAll],
      ['subscription($id: ID!) { backupUpdated(id: $id) { id } }', a.backupAll],
    ] as const) {
      const hidden = await hub.gql(narrowed.viewerShop, query, { id });
      expect(['NOT_FOUND', 'FORBIDDEN']).toContain(hidden.errors?.[0]?.extensions?.code);
      expect(hidden.data ?? null).toBeNull();
    }
    const schedules = await hub.gql<{ backupSchedules: { totalCount: number; edges: { node: { name: string } }[] } }>(
      narrowed.viewerShop,
      '{ backupSchedules(first: 500) { totalCount edges { node { name } } } }',
    );
    expect(schedules.errors).toBeUndefined();
    expect(schedules.data?.backupSchedules.edges.map((e) => e.node.name)).not.toContain('everything');
    expect(schedules.data?.backupSchedules.totalCount).toBe(schedules.data?.backupSchedules.edges.length);
    const clusterWide = await hub.gql<{ backups: { edges: unknown[] } }>(
      narrowed.viewerC1,
      'query($c: ID!) { backups(filter: { clusterId: $c }, first: 500) { edges { node { id } } } }',
      { c: f.clusterA1 },
    );
    expect(clusterWide.data?.backups.edges.length).toBeGreaterThanOrEqual(2);
  });
});
