import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { SecretBox } from '../../hub/src/secrets/SecretBox.ts';
import { databasesOf } from '../kit/databases.ts';
import { type GqlResult, startTestHub, type TestHub, type TestHubStorage } from '../kit/startTestHub.ts';

const world = inject('world');

const credentialFields =
  'id tenantId name kind region accountName projectId clientEmail secretFields createdAt updatedAt';
const locationFields =
  'id tenantId name kind bucket prefix region endpoint forcePathStyle path credentialId encryptionKeyRef createdAt updatedAt';
const createCredential = `mutation($input: CreateCredentialInput!) { createCredential(input: $input) { ${credentialFields} } }`;
const updateCredential = `mutation($id: ID!, $input: UpdateCredentialInput!) { updateCredential(id: $id, input: $input) { ${credentialFields} } }`;
const deleteCredential = 'mutation($id: ID!) { deleteCredential(id: $id) }';
const createLocation = `mutation($input: CreateBackupLocationInput!) { createBackupLocation(input: $input) { ${locationFields} } }`;
const updateLocation = `mutation($id: ID!, $input: UpdateBackupLocationInput!) { updateBackupLocation(id: $id, input: $input) { ${locationFields} } }`;
const deleteLocation = 'mutation($id: ID!) { deleteBackupLocation(id: $id) }';

interface CredentialView {
  id: string;
  tenantId: string;
  name: string;
  kind: string;
  region: string | null;
  accountName: string | null;
  projectId: string | null;
  clientEmail: string | null;
  secretFields: string[];
  createdAt: string;
  updatedAt: string;
}

interface LocationView {
  id: string;
  name: string;
  kind: string;
  bucket: string | null;
  prefix: string;
  region: string | null;
  endpoint: string | null;
  forcePathStyle: boolean;
  path: string | null;
  credentialId: string | null;
  encryptionKeyRef: string | null;
}

/** Secret values unique to this run, so finding one anywhere can only mean it leaked. */
function makeSecrets() {
  const tag = randomBytes(8).toString('hex');
  return {
    awsKeyId: `AKIA${tag.toUpperCase()}`,
    awsSecret: `aws-secret-${tag}-first`,
    awsSecretReplaced: `aws-secret-${tag}-second`,
    awsSessionToken: `aws-session-${tag}`,
    azureKey: Buffer.from(`azure-account-key-${tag}`).toString('base64'),
    azureSas: `sv=2024-05-04&sig=azure-sas-${tag}`,
    gcpPem: `gcp-private-key-${tag}`,
    /** Sent only in refused inputs: must not come back in the error. */
    refused: `refused-secret-${tag}`,
  };
}

function serviceAccountJson(pemBody: string): string {
  return JSON.stringify({
    type: 'service_account',
    project_id: 'shop-prod',
    client_email: 'backup@shop-prod.iam.gserviceaccount.com',
    private_key: `-----BEGIN PRIVATE KEY-----\n${pemBody}\n-----END PRIVATE KEY-----\n`,
  });
}

describe.each(databasesOf(world))('credentials and backup locations on %s', (database) => {
  let hub: TestHub & TestHubStorage;
  let tenantId = '';
  let otherTenantId = '';
  const secrets = makeSecrets();
  /** Every response this suite received, to search for leaked secrets at the end. */
  const responses: string[] = [];
  const ids = { aws: '', azure: '', gcp: '', otherAws: '' };

  async function call<T = Record<string, unknown>>(
    query: string,
    variables?: object,
    token: string = hub.adminToken,
  ): Promise<GqlResult<T>> {
    const result = await hub.gql<T>(token, query, variables);
    responses.push(JSON.stringify(result));
    return result;
  }
  async function must<T>(query: string, variables?: object, token?: string): Promise<T> {
    const result = await call<T>(query, variables, token);
    if (result.errors) throw new Error(JSON.stringify(result.errors));
    return result.data as T;
  }
  async function fieldOf(query: string, variables: object): Promise<string | undefined> {
    const result = await call(query, variables);
    expect(result.data ?? null).toBeNull();
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    return result.errors?.[0]?.extensions?.field;
  }
  const newTenant = async (name: string) =>
    (
      await must<{ createTenant: { id: string } }>(
        `mutation { createTenant(input: { name: "${name}" }) { id } }`,
      )
    ).createTenant.id;
  const newLocation = async (input: object) =>
    (await must<{ createBackupLocation: LocationView }>(createLocation, { input: { tenantId, ...input } }))
      .createBackupLocation;

  beforeAll(async () => {
    hub = await startTestHub({ database, world });
    tenantId = await newTenant('shop');
    otherTenantId = await newTenant('other');
  });
  afterAll(() => hub?.stop());

  it('creates credentials of every kind and shows what is set, not the values', async () => {
    const aws = await must<{ createCredential: CredentialView }>(createCredential, {
      input: {
        tenantId,
        name: 's3-keys',
        aws: {
          accessKeyId: secrets.awsKeyId,
          secretAccessKey: secrets.awsSecret,
          sessionToken: secrets.awsSessionToken,
          region: 'eu-west-1',
        },
      },
    });
    expect(aws.createCredential).toMatchObject({
      tenantId,
      name: 's3-keys',
      kind: 'aws',
      region: 'eu-west-1',
      accountName: null,
      secretFields: ['accessKeyId', 'secretAccessKey', 'sessionToken'],
    });
    const azure = await must<{ createCredential: CredentialView }>(createCredential, {
      input: {
        tenantId,
        name: 'blob-key',
        azure: { accountName: 'shopbackups', accountKey: secrets.azureKey },
      },
    });
    expect(azure.createCredential).toMatchObject({
      kind: 'azure',
      accountName: 'shopbackups',
      secretFields: ['accountKey'],
    });
    const gcp = await must<{ createCredential: CredentialView }>(createCredential, {
      input: { tenantId, name: 'gcs-sa', gcp: { serviceAccountJson: serviceAccountJson(secrets.gcpPem) } },
    });
    expect(gcp.createCredential).toMatchObject({
      kind: 'gcp',
      projectId: 'shop-prod',
      clientEmail: 'backup@shop-prod.iam.gserviceaccount.com',
      secretFields: ['serviceAccountJson'],
    });
    const other = await must<{ createCredential: CredentialView }>(createCredential, {
      input: {
        tenantId: otherTenantId,
        name: 's3-keys',
        aws: { accessKeyId: 'OTHERKEY', secretAccessKey: 'other-secret' },
      },
    });
    Object.assign(ids, {
      aws: aws.createCredential.id,
      azure: azure.createCredential.id,
      gcp: gcp.createCredential.id,
      otherAws: other.createCredential.id,
    });

    const list = await must<{ credentials: { totalCount: number; edges: { node: CredentialView }[] } }>(
      `query($t: ID!) { credentials(tenantId: $t) { totalCount edges { node { ${credentialFields} } } } }`,
      { t: tenantId },
    );
    expect(list.credentials.totalCount).toBe(3);
    expect(list.credentials.edges.map((e) => e.node.name)).toEqual(['blob-key', 'gcs-sa', 's3-keys']);
    const one = await must<{ credential: CredentialView }>(
      `query($id: ID!) { credential(id: $id) { ${credentialFields} } }`,
      { id: ids.gcp },
    );
    expect(one.credential).toEqual(gcp.createCredential);
  });

  it('replaces a secret and renames, but never changes the kind', async () => {
    const before = await must<{ credential: CredentialView }>(
      `query($id: ID!) { credential(id: $id) { ${credentialFields} } }`,
      { id: ids.aws },
    );
    const updated = await must<{ updateCredential: CredentialView }>(updateCredential, {
      id: ids.aws,
      input: { aws: { accessKeyId: secrets.awsKeyId, secretAccessKey: secrets.awsSecretReplaced } },
    });
    expect(updated.updateCredential).toMatchObject({
      name: 's3-keys',
      region: null,
      secretFields: ['accessKeyId', 'secretAccessKey'],
      createdAt: before.credential.createdAt,
    });
    expect(Date.parse(updated.updateCredential.updatedAt)).toBeGreaterThanOrEqual(
      Date.parse(before.credential.updatedAt),
    );
    const renamed = await must<{ updateCredential: CredentialView }>(updateCredential, {
      id: ids.azure,
      input: { name: 'blob-sas', azure: { accountName: 'shopbackups', sasToken: secrets.azureSas } },
    });
    expect(renamed.updateCredential).toMatchObject({ name: 'blob-sas', secretFields: ['sasToken'] });
    expect(
      await fieldOf(updateCredential, {
        id: ids.aws,
        input: { gcp: { serviceAccountJson: serviceAccountJson(secrets.refused) } },
      }),
    ).toBe('input.gcp');
    expect(await fieldOf(updateCredential, { id: ids.aws, input: {} })).toBe('input');
  });

  it('names the field of every bad credential input and quotes no secret', async () => {
    const input = (over: object) => ({ input: { tenantId, name: 'bad', ...over } });
    const aws = { accessKeyId: 'KEY', secretAccessKey: 'SECRET' };
    const cases: [object, string][] = [
      [input({ name: 'Not_A_Name', aws }), 'input.name'],
      [input({}), 'input'],
      [input({ aws, gcp: { serviceAccountJson: '{}' } }), 'input'],
      [input({ aws: { ...aws, secretAccessKey: '  ' } }), 'input.aws.secretAccessKey'],
      [input({ aws: { ...aws, accessKeyId: `has space ${secrets.refused}` } }), 'input.aws.accessKeyId'],
      [input({ aws: { ...aws, region: 'EU West' } }), 'input.aws.region'],
      [input({ azure: { accountName: 'shopbackups' } }), 'input.azure'],
      [input({ azure: { accountName: 'Shop', accountKey: 'a2V5' } }), 'input.azure.accountName'],
      [
        input({ azure: { accountName: 'shopbackups', accountKey: `${secrets.refused}!` } }),
        'input.azure.accountKey',
      ],
      [input({ azure: { accountName: 'shopbackups', sasToken: secrets.refused } }), 'input.azure.sasToken'],
      [
        input({
          azure: {
            accountName: 'shopbackups',
            connectionString: `AccountName=other;AccountKey=${secrets.refused}`,
          },
        }),
        'input.azure.connectionString',
      ],
      [
        input({ gcp: { serviceAccountJson: serviceAccountJson(secrets.refused).slice(0, -20) } }),
        'input.gcp.serviceAccountJson',
      ],
      [
        input({ gcp: { serviceAccountJson: JSON.stringify({ private_key: secrets.refused }) } }),
        'input.gcp.serviceAccountJson',
      ],
    ];
    for (const [variables, field] of cases) expect(await fieldOf(createCredential, variables)).toBe(field);
    const duplicate = await call(createCredential, input({ name: 'gcs-sa', aws }));
    expect(duplicate.errors?.[0]?.extensions?.code).toBe('CONFLICT');
  });

  it('creates, lists, filters and updates backup locations of every kind', async () => {
    const s3 = await newLocation({
      name: 'primary',
      prefix: 'prod/eu/',
      s3: {
        bucket: 'shop-backups',
        region: 'eu-west-1',
        endpoint: 'https://minio.example:9000',
        forcePathStyle: true,
      },
      credentialId: ids.aws,
      encryptionKeyRef: 'arn:aws:kms:eu-west-1:111122223333:key/abcd',
    });
    expect(s3).toMatchObject({
      kind: 's3',
      bucket: 'shop-backups',
      prefix: 'prod/eu',
      region: 'eu-west-1',
      endpoint: 'https://minio.example:9000',
      forcePathStyle: true,
      path: null,
      credentialId: ids.aws,
    });
    const iam = await newLocation({ name: 'iam-role', s3: { bucket: 'shop-iam' } });
    expect(iam).toMatchObject({ credentialId: null, forcePathStyle: false, prefix: '' });
    const azure = await newLocation({
      name: 'blob',
      azure: { container: 'backups' },
      credentialId: ids.azure,
    });
    expect(azure).toMatchObject({ kind: 'azure', bucket: 'backups' });
    const gcs = await newLocation({ name: 'gcs', gcs: { bucket: 'shop_backups' }, credentialId: ids.gcp });
    const disk = await newLocation({ name: 'disk', filesystem: { path: '/var/backups' } });
    expect(disk).toMatchObject({
      kind: 'filesystem',
      bucket: null,
      path: '/var/backups',
      credentialId: null,
    });

    const list = await must<{ backupLocations: { totalCount: number; edges: { node: LocationView }[] } }>(
      'query($t: ID!, $f: BackupLocationFilter) { backupLocations(tenantId: $t, filter: $f) { totalCount edges { node { name } } } }',
      { t: tenantId, f: { kind: 's3' } },
    );
    expect(list.backupLocations.edges.map((e) => e.node.name)).toEqual(['iam-role', 'primary']);
    const byCredential = await must<{ backupLocations: { totalCount: number } }>(
      'query($t: ID!, $f: BackupLocationFilter) { backupLocations(tenantId: $t, filter: $f) { totalCount } }',
      { t: tenantId, f: { credentialId: ids.gcp } },
    );
    expect(byCredential.backupLocations.totalCount).toBe(1);
    const one = await must<{ backupLocation: LocationView }>(
      `query($id: ID!) { backupLocation(id: $id) { ${locationFields} } }`,
      { id: gcs.id },
    );
    expect(one.backupLocation).toEqual(gcs);

    const updated = await must<{ updateBackupLocation: LocationView }>(updateLocation, {
      id: s3.id,
      input: { endpoint: 'https://s3.example', credentialId: null, encryptionKeyRef: null, name: 'main' },
    });
    expect(updated.updateBackupLocation).toMatchObject({
      name: 'main',
      endpoint: 'https://s3.example',
      credentialId: null,
      encryptionKeyRef: null,
      region: 'eu-west-1',
      bucket: 'shop-backups',
      prefix: 'prod/eu',
    });
    const withKey = await must<{ updateBackupLocation: LocationView }>(updateLocation, {
      id: s3.id,
      input: { credentialId: ids.aws },
    });
    expect(withKey.updateBackupLocation.credentialId).toBe(ids.aws);
  });

  it('names the field of every bad location input', async () => {
    const input = (over: object) => ({ input: { tenantId, name: 'bad', ...over } });
    const s3 = { bucket: 'shop-backups' };
    const cases: [object, string][] = [
      [input({ name: 'Bad Name', s3 }), 'input.name'],
      [input({}), 'input'],
      [input({ s3, filesystem: { path: '/x' } }), 'input'],
      [input({ prefix: '/abs', s3 }), 'input.prefix'],
      [input({ prefix: 'a/../../b', s3 }), 'input.prefix'],
      [input({ s3: { bucket: 'Bad_Bucket' } }), 'input.s3.bucket'],
      [input({ s3: { ...s3, region: 'EU' } }), 'input.s3.region'],
      [input({ s3: { ...s3, endpoint: 'ftp://files.example' } }), 'input.s3.endpoint'],
      [input({ azure: { container: 'a--b' }, credentialId: ids.azure }), 'input.azure.container'],
      [input({ gcs: { bucket: 'x' }, credentialId: ids.gcp }), 'input.gcs.bucket'],
      [input({ filesystem: { path: 'relative' } }), 'input.filesystem.path'],
      [input({ encryptionKeyRef: 'two words', s3 }), 'input.encryptionKeyRef'],
      [input({ azure: { container: 'backups' } }), 'input.credentialId'],
      [input({ azure: { container: 'backups' }, credentialId: ids.aws }), 'input.credentialId'],
      [input({ gcs: { bucket: 'shop-backups' }, credentialId: ids.azure }), 'input.credentialId'],
      [input({ filesystem: { path: '/x' }, credentialId: ids.aws }), 'input.credentialId'],
      [input({ s3, credentialId: ids.otherAws }), 'input.credentialId'],
      [input({ s3, credentialId: randomUUID() }), 'input.credentialId'],
    ];
    for (const [variables, field] of cases) expect(await fieldOf(createLocation, variables)).toBe(field);
    const disk = await must<{ backupLocations: { edges: { node: { id: string } }[] } }>(
      'query($t: ID!) { backupLocations(tenantId: $t, filter: { kind: filesystem }) { edges { node { id } } } }',
      { t: tenantId },
    );
    const diskId = disk.backupLocations.edges[0]?.node.id;
    expect(await fieldOf(updateLocation, { id: diskId, input: { region: 'eu-west-1' } })).toBe(
      'input.region',
    );
    expect(await fieldOf(updateLocation, { id: diskId, input: { credentialId: ids.aws } })).toBe(
      'input.credentialId',
    );
    const duplicate = await call(createLocation, input({ name: 'disk', filesystem: { path: '/y' } }));
    expect(duplicate.errors?.[0]?.extensions?.code).toBe('CONFLICT');
  });

  it('lets viewers and operators read, and only admins change', async () => {
    const token = async (role: string) =>
      (
        await must<{ createApiToken: { token: string } }>(
          `mutation($t: ID!) { createApiToken(input: { tenantId: $t, name: "${role}", role: ${role} }) { token } }`,
          { t: tenantId },
        )
      ).createApiToken.token;
    for (const role of ['viewer', 'operator']) {
      const t = await token(role);
      const read = await call<{
        credentials: { totalCount: number };
        backupLocations: { totalCount: number };
      }>(
        'query($t: ID!) { credentials(tenantId: $t) { totalCount } backupLocations(tenantId: $t) { totalCount } }',
        { t: tenantId },
        t,
      );
      expect(read.errors).toBeUndefined();
      expect(read.data?.credentials.totalCount).toBe(3);
      const writes: [string, object][] = [
        [
          createCredential,
          { input: { tenantId, name: 'x', aws: { accessKeyId: 'K', secretAccessKey: 'S' } } },
        ],
        [deleteCredential, { id: ids.gcp }],
        [createLocation, { input: { tenantId, name: 'x', filesystem: { path: '/x' } } }],
      ];
      for (const [query, variables] of writes) {
        const result = await call(query, variables, t);
        expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
        expect(result.data ?? null).toBeNull();
      }
    }
  });

  it('refuses to delete a credential in use, then deletes it and its location', async () => {
    const inUse = await call(deleteCredential, { id: ids.gcp });
    expect(inUse.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    expect(inUse.errors?.[0]?.message).toContain("'gcs'");
    const gcs = await must<{ backupLocations: { edges: { node: { id: string } }[] } }>(
      'query($t: ID!) { backupLocations(tenantId: $t, filter: { kind: gcs }) { edges { node { id } } } }',
      { t: tenantId },
    );
    const locationId = gcs.backupLocations.edges[0]?.node.id as string;
    expect(
      (await must<{ deleteBackupLocation: string }>(deleteLocation, { id: locationId })).deleteBackupLocation,
    ).toBe(locationId);
    const gone = await call('query($id: ID!) { backupLocation(id: $id) { id } }', { id: locationId });
    expect(gone.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(
      (await must<{ deleteCredential: string }>(deleteCredential, { id: ids.gcp })).deleteCredential,
    ).toBe(ids.gcp);
    const after = await call('query($id: ID!) { credential(id: $id) { id } }', { id: ids.gcp });
    expect(after.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('refuses to delete a location the catalog still has backups in', async () => {
    const location = await newLocation({ name: 'in-use', filesystem: { path: '/srv/backups' } });
    const cluster = await must<{ registerCluster: { cluster: { id: string } } }>(
      'mutation($t: ID!) { registerCluster(input: { tenantId: $t, name: "c1" }) { cluster { id } } }',
      { t: tenantId },
    );
    const backup = await call(
      'mutation($c: ID!, $l: ID!) { createBackup(input: { clusterId: $c, locationId: $l }) { id } }',
      { c: cluster.registerCluster.cluster.id, l: location.id },
    );
    expect(backup.errors).toBeUndefined();
    const refused = await call(deleteLocation, { id: location.id });
    expect(refused.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    expect(refused.errors?.[0]?.message).toContain('1 backup(s)');
  });

  it('never returns a secret, whatever fields are asked for', async () => {
    // Every field the schema has, so a secret field added later is caught here.
    const type = await must<{ __type: { fields: { name: string }[] } }>(
      '{ __type(name: "Credential") { fields { name } } }',
    );
    const all = type.__type.fields.map((f) => f.name).join(' ');
    await must(`query($t: ID!) { credentials(tenantId: $t) { edges { node { ${all} } } } }`, { t: tenantId });
    for (const id of [ids.aws, ids.azure])
      await must(`query($id: ID!) { credential(id: $id) { ${all} } }`, { id });
    const text = responses.join('\n');
    expect(text).toContain('s3-keys');
    for (const secret of Object.values(secrets)) expect(text).not.toContain(secret);
  });

  it('keeps secrets out of the log', () => {
    const log = readFileSync(hub.logFile, 'utf8');
    expect(log).toContain('fleetback hub listening');
    for (const secret of Object.values(secrets)) expect(log).not.toContain(secret);
  });

  it('stores only ciphertext, which opens with the master key', async () => {
    const rows =
      database === 'sqlite' ? readSqlite(hub.dataDir) : await readPostgres(hub.databaseUrl as string);
    const dump = JSON.stringify(rows);
    expect(dump).toContain('shopbackups');
    for (const secret of Object.values(secrets)) expect(dump).not.toContain(secret);
    if (database === 'sqlite') {
      // Also the raw pages, where a deleted or overwritten row could linger.
      for (const file of ['fleetback.sqlite', 'fleetback.sqlite-wal']) {
        const path = join(hub.dataDir, file);
        if (!existsSync(path)) continue;
        const bytes = readFileSync(path);
        for (const secret of Object.values(secrets)) expect(bytes.includes(secret)).toBe(false);
      }
    }
    const box = new SecretBox(hub.masterKey);
    const sealed = (id: string) => {
      const row = rows.credentials?.find((r) => r.id === id);
      expect(String(row?.sealed_secret)).toMatch(/^v1:/);
      return String(row?.sealed_secret);
    };
    expect(box.open(sealed(ids.aws), ids.aws)).toEqual({
      kind: 'aws',
      accessKeyId: secrets.awsKeyId,
      secretAccessKey: secrets.awsSecretReplaced,
    });
    expect(box.open(sealed(ids.azure), ids.azure)).toEqual({ kind: 'azure', sasToken: secrets.azureSas });
    // Bound to its row: the same ciphertext does not open as another credential's.
    expect(() => box.open(sealed(ids.aws), ids.azure)).toThrow();
  });
});

type Dump = Record<string, Record<string, unknown>[]>;

/** Every row of every table of the hub's SQLite file. */
function readSqlite(dataDir: string): Dump {
  const db = new DatabaseSync(join(dataDir, 'fleetback.sqlite'));
  try {
    const tables = db.prepare("select name from sqlite_master where type = 'table'").all() as {
      name: string;
    }[];
    return Object.fromEntries(
      tables.map(({ name }) => [
        name,
        db.prepare(`select * from "${name}"`).all() as Record<string, unknown>[],
      ]),
    );
  } finally {
    db.close();
  }
}

/** Every row of every table of the hub's PostgreSQL database. */
async function readPostgres(url: string): Promise<Dump> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const tables = await client.query<{ table_name: string }>(
      "select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'",
    );
    const dump: Dump = {};
    for (const { table_name: name } of tables.rows) {
      dump[name] = (await client.query(`select * from "${name}"`)).rows;
    }
    return dump;
  } finally {
    await client.end();
  }
}
