import { type EntityName, ForeignKeyConstraintViolationException } from '@mikro-orm/core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { BackupEntity } from '../../hub/src/backups/BackupEntity.ts';
import { ClusterEntity } from '../../hub/src/clusters/ClusterEntity.ts';
import { entities } from '../../hub/src/server/entities.ts';
import { ClusterNamespaceEntity } from '../../hub/src/inventory/ClusterNamespaceEntity.ts';
import { BackupLocationEntity } from '../../hub/src/locations/BackupLocationEntity.ts';
import { SchedulePolicyEntity } from '../../hub/src/policies/SchedulePolicyEntity.ts';
import { RuleEntity } from '../../hub/src/rules/RuleEntity.ts';
import { databasesOf } from '../kit/databases.ts';
import { ProtocolAgent } from '../kit/ProtocolAgent.ts';
import { aBackup } from '../kit/seedCatalog.ts';
import { type SeedableHub, startSeedableHub } from '../kit/startSeedableHub.ts';

// The database itself enforces the relations, whatever a resolver forgets: no row names a tenant, cluster,
// policy, location, credential or rule that does not exist, on SQLite as on PostgreSQL; deleting a tenant
// takes everything it owns with it; a cluster's backups outlive it (they can be restored elsewhere).
const world = inject('world');

describe.each(databasesOf(world))('foreign keys on %s', (database) => {
  let hub: SeedableHub;
  let tenant: string;
  let cluster: string;
  let policy: string;
  let location: string;

  const create = async <T>(query: string, variables: object): Promise<T> => hub.admin<T>(query, variables);

  beforeAll(async () => {
    hub = await startSeedableHub({ database, world });
    tenant = (await hub.admin<{ createTenant: { id: string } }>('mutation { createTenant(input: { name: "fk" }) { id } }'))
      .createTenant.id;
    cluster = (
      await create<{ registerCluster: { cluster: { id: string } } }>(
        'mutation($t: ID!) { registerCluster(input: { tenantId: $t, name: "c1" }) { cluster { id } } }',
        { t: tenant },
      )
    ).registerCluster.cluster.id;
    policy = (
      await create<{ createSchedulePolicy: { id: string } }>(
        'mutation($t: ID!) { createSchedulePolicy(input: { tenantId: $t, name: "nightly", spec: { daily: { time: "01:00" } } }) { id } }',
        { t: tenant },
      )
    ).createSchedulePolicy.id;
    location = (
      await create<{ createBackupLocation: { id: string } }>(
        'mutation($t: ID!) { createBackupLocation(input: { tenantId: $t, name: "fs", filesystem: { path: "/backups" } }) { id } }',
        { t: tenant },
      )
    ).createBackupLocation.id;
    await create(
      'mutation($c: ID!, $p: ID!, $l: ID!) { createBackupSchedule(input: { clusterId: $c, name: "nightly", policyId: $p, template: { locationId: $l } }) { id } }',
      { c: cluster, p: policy, l: location },
    );
  });
  afterAll(async () => {
    await hub?.stop();
  });

  it('refuses a row naming a tenant that does not exist, even written past the API', async () => {
    const em = hub.orm.em.fork();
    em.create(RuleEntity, { tenantId: '<tenant id>', name: 'ghost', spec: { version: 1, subRules: [] } as never });
    await expect(em.flush()).rejects.toBeInstanceOf(ForeignKeyConstraintViolationException);
  });

  it('refuses to delete a policy a schedule uses, even past the API', async () => {
    await expect(hub.orm.em.fork().nativeDelete(SchedulePolicyEntity, { id: policy }, { filters: false })).rejects.toBeInstanceOf(
      ForeignKeyConstraintViolationException,
    );
    const refused = await hub.gql(hub.adminToken, 'mutation($id: ID!) { deleteSchedulePolicy(id: $id) }', { id: policy });
    expect(refused.errors?.map((e) => e.extensions?.code)).toEqual(['CONFLICT']);
  });

  it('refuses to delete a location the catalog holds backups in, even past the API', async () => {
    await aBackup(tenant, cluster).inLocation(location).insert(hub.orm);
    await expect(
      hub.orm.em.fork().nativeDelete(BackupLocationEntity, { id: location }, { filters: false }),
    ).rejects.toBeInstanceOf(ForeignKeyConstraintViolationException);
    const refused = await hub.gql(hub.adminToken, 'mutation($id: ID!) { deleteBackupLocation(id: $id) }', { id: location });
    expect(refused.errors?.map((e) => e.extensions?.code)).toEqual(['CONFLICT']);
  });

  it('keeps an agent’s namespace inventory, drops it with its cluster, and keeps the cluster’s backups', async () => {
    const renewed = await create<{ renewClusterEnrollment: { enrollmentToken: string } }>(
      'mutation($id: ID!) { renewClusterEnrollment(id: $id) { enrollmentToken } }',
      { id: cluster },
    );
    const enrolling = await ProtocolAgent.connect({ hubUrl: hub.url });
    const enrolled = await enrolling.request<{ enroll: { credential: string } }>(
      'mutation($t: String!) { enroll(token: $t) { credential } }',
      { t: renewed.renewClusterEnrollment.enrollmentToken },
    );
    enrolling.close();
    const agent = await ProtocolAgent.connect({ hubUrl: hub.url, credential: enrolled.data?.enroll.credential as string });
    const report = (full: boolean, removed: string[], names: string[]) =>
      agent.request(
        'mutation($f: Boolean!, $r: [String!]!, $u: [NamespaceInventoryInput!]!) { reportInventory(full: $f, removed: $r, upserted: $u) }',
        {
          f: full,
          r: removed,
          u: names.map((name) => ({ name, labels: [], workloads: [], persistentVolumeClaims: [], countsByKind: [] })),
        },
      );
    expect((await report(true, [], ['shop', 'web'])).errors).toBeUndefined();
    expect((await report(false, ['web'], ['shop', 'db'])).errors).toBeUndefined();
    agent.close();
    const listed = await create<{ clusterNamespaces: { edges: { node: { name: string } }[] } }>(
      'query($c: ID!) { clusterNamespaces(clusterId: $c) { edges { node { name } } } }',
      { c: cluster },
    );
    expect(listed.clusterNamespaces.edges.map((e) => e.node.name)).toEqual(['db', 'shop']);

    const backup = await aBackup(tenant, cluster).insert(hub.orm);
    await create('mutation($id: ID!) { deleteCluster(id: $id) }', { id: cluster });
    const after = hub.orm.em.fork();
    expect(await after.count(ClusterEntity, { id: cluster }, { filters: false })).toBe(0);
    expect(await after.count(ClusterNamespaceEntity, { clusterId: cluster }, { filters: false })).toBe(0);
    expect(await after.count(BackupEntity, { id: backup }, { filters: false })).toBe(1);
  });

  it('deletes everything a tenant owns with the tenant', async () => {
    await create(
      'mutation($t: ID!) { createApiToken(input: { tenantId: $t, name: "ci", role: admin }) { token } }',
      { t: tenant },
    );
    await create('mutation($id: ID!) { deleteTenant(id: $id) }', { id: tenant });
    const em = hub.orm.em.fork();
    const left: Record<string, number> = {};
    const owned = entities.filter((entity) => 'tenantId' in entity.meta.properties);
    expect(owned.map((entity) => entity.meta.className)).toEqual(
      expect.arrayContaining(['RoleBinding', 'ApiToken', 'BackupLocation', 'SchedulePolicy', 'BackupSchedule', 'Backup']),
    );
    for (const entity of owned) {
      const n = await em.count(entity as EntityName<object>, { tenantId: tenant } as never, { filters: false });
      if (n > 0) left[entity.meta.className] = n;
    }
    expect(left).toEqual({});
  });
});
