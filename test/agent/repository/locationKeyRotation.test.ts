import { DatabaseSync } from 'node:sqlite';
import { join } from 'node:path';
import { CreateBucketCommand, S3Client } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { LocationTarget } from '#schema/agent/LocationTarget';
import { initRepository } from '../../../agent/src/repository/initRepository.ts';
import { openRepository } from '../../../agent/src/repository/openRepository.ts';
import { WrongKeyError } from '../../../agent/src/repository/WrongKeyError.ts';
import { openObjectStore } from '../../../agent/src/storage/openObjectStore.ts';
import { SecretBox } from '../../../hub/src/secrets/SecretBox.ts';
import { startTestAgent, type TestAgent } from '../../kit/startTestAgent.ts';
import { startTestHub, type TestHub, type TestHubStorage } from '../../kit/startTestHub.ts';
import { waitFor } from '../../world/waitFor.ts';
import type { ClusterInfo, S3Info } from '../../world/WorldInfo.ts';

// The hub's side of repository keys against a real agent and MinIO: the key the hub seals for a location opens
// the repository a volume job makes with it; rotateLocationKey rewraps it without rewriting data; the key
// never leaves the hub but in a job's payload, and never shows in an answer or a log.
const world = inject('world');
const [clusterA] = world.clusters as [ClusterInfo];
const run = Date.now().toString(36);
const bucket = `keys-${run}`;

let hub: TestHub & TestHubStorage;
let agent: TestAgent;
let tenantId: string;
let clusterId: string;
/** Every key this suite saw, to look for in answers and logs. */
const keysSeen = new Set<string>();
/** Every API answer this suite received, to look for keys in. */
const answers: string[] = [];

async function admin<T>(query: string, variables?: object): Promise<T> {
  const result = await hub.gql<T>(hub.adminToken, query, variables);
  answers.push(JSON.stringify(result));
  if (result.errors?.length) throw new Error(result.errors.map((e) => e.message).join('; '));
  return result.data as T;
}

async function s3Location(name: string, repositoryKey?: string): Promise<string> {
  const s3 = world.s3 as S3Info;
  const credential = await admin<{ createCredential: { id: string } }>(
    'mutation($t: ID!, $n: String!, $k: String!, $s: String!) { createCredential(input: { tenantId: $t, name: $n, aws: { accessKeyId: $k, secretAccessKey: $s } }) { id } }',
    { t: tenantId, n: `${name}-keys`, k: s3.accessKeyId, s: s3.secretAccessKey },
  );
  const location = await admin<{ createBackupLocation: { id: string } }>(
    'mutation($t: ID!, $n: String!, $p: String!, $b: String!, $e: String!, $r: String!, $c: ID!, $k: String) { createBackupLocation(input: { tenantId: $t, name: $n, prefix: $p, s3: { bucket: $b, endpoint: $e, region: $r, forcePathStyle: true }, credentialId: $c, repositoryKey: $k }) { id } }',
    { t: tenantId, n: name, p: name, b: bucket, e: s3.endpoint, r: s3.region, c: credential.createCredential.id, k: repositoryKey ?? null },
  );
  return location.createBackupLocation.id;
}

/** The location's store, as a volume job's mover will open it. */
function storeOf(name: string) {
  const s3 = world.s3 as S3Info;
  const target: LocationTarget<'s3'> = {
    kind: 's3',
    bucket,
    prefix: name,
    region: s3.region,
    endpoint: s3.endpoint,
    forcePathStyle: true,
    credential: { accessKeyId: s3.accessKeyId, secretAccessKey: s3.secretAccessKey },
  };
  return openObjectStore(target);
}

/** The key the hub holds for a location, opened as the hub opens it for a job's payload. */
function hubKey(locationId: string): string {
  const db = new DatabaseSync(join(hub.dataDir, 'fleetback.sqlite'));
  try {
    const row = db.prepare('select sealed_repository_key as sealed from backup_locations where id = ?').get(locationId) as { sealed: string };
    const key = new SecretBox(hub.masterKey).open(row.sealed, `${locationId}/repositoryKey`) as string;
    keysSeen.add(key);
    return key;
  } finally {
    db.close();
  }
}

async function rotate(locationId: string, newKey?: string, token = hub.adminToken) {
  return hub.gql<{ rotateLocationKey: { id: string } }>(
    token,
    'mutation($id: ID!, $c: ID!, $k: String) { rotateLocationKey(id: $id, clusterId: $c, newKey: $k) { id } }',
    { id: locationId, c: clusterId, k: newKey ?? null },
  );
}

async function endOf(jobId: string) {
  return waitFor(
    async () => {
      const data = await admin<{ job: { phase: string; error: string | null; progress: { message: string | null } | null } }>(
        'query($id: ID!) { job(id: $id) { phase error progress { message } } }',
        { id: jobId },
      );
      return ['Succeeded', 'Failed'].includes(data.job.phase) ? data.job : undefined;
    },
    { what: `job ${jobId} ended`, timeoutMs: 60_000 },
  );
}

async function rotated(locationId: string, newKey?: string) {
  const answer = await rotate(locationId, newKey);
  answers.push(JSON.stringify(answer));
  expect(answer.errors).toBeUndefined();
  return endOf(answer.data!.rotateLocationKey.id);
}

const aKey = () => {
  const key = Buffer.from(crypto.getRandomValues(new Uint8Array(32))).toString('base64');
  keysSeen.add(key);
  return key;
};
const kek = (key: string) => Buffer.from(key, 'base64');

describe.skipIf(!world.s3)('repository keys of a location', () => {
  beforeAll(async () => {
    const s3 = world.s3 as S3Info;
    const client = new S3Client({
      endpoint: s3.endpoint,
      region: s3.region,
      forcePathStyle: true,
      credentials: { accessKeyId: s3.accessKeyId, secretAccessKey: s3.secretAccessKey },
    });
    await client.send(new CreateBucketCommand({ Bucket: bucket }));
    client.destroy();
    hub = await startTestHub({ database: 'sqlite', world });
    tenantId = (await admin<{ createTenant: { id: string } }>('mutation { createTenant(input: { name: "keys" }) { id } }')).createTenant.id;
    const registered = await admin<{ registerCluster: { cluster: { id: string }; enrollmentToken: string } }>(
      'mutation($t: ID!) { registerCluster(input: { tenantId: $t, name: "keys-a" }) { cluster { id } enrollmentToken } }',
      { t: tenantId },
    );
    clusterId = registered.registerCluster.cluster.id;
    agent = startTestAgent({
      hubUrl: hub.url,
      kubeconfigPath: clusterA.kubeconfigPath,
      logDir: world.logDir,
      name: 'keys',
      enrollmentToken: registered.registerCluster.enrollmentToken,
    });
  });

  afterAll(async () => {
    await agent?.kill();
    await hub?.stop();
  });

  it("rewraps the repository made with the hub's generated key: it then opens with the new key and not the old", async () => {
    const locationId = await s3Location('generated');
    const oldKey = hubKey(locationId);
    expect(kek(oldKey)).toHaveLength(32);
    await initRepository(storeOf('generated'), kek(oldKey));

    const job = await rotated(locationId);
    expect(job).toMatchObject({ phase: 'Succeeded', error: null });
    const newKey = hubKey(locationId);
    expect(newKey).not.toBe(oldKey);
    await expect(openRepository(storeOf('generated'), kek(newKey))).resolves.toBeDefined();
    await expect(openRepository(storeOf('generated'), kek(oldKey))).rejects.toBeInstanceOf(WrongKeyError);
  });

  it('takes a supplied key at creation and on rotation; a location with no repository just takes the new key', async () => {
    const first = aKey();
    const locationId = await s3Location('supplied', first);
    expect(hubKey(locationId)).toBe(first);
    const next = aKey();
    const job = await rotated(locationId, next);
    expect(job.phase).toBe('Succeeded');
    expect(job.progress?.message).toMatch(/no repository in the location yet/);
    expect(hubKey(locationId)).toBe(next);
  });

  it('keeps the old key when the repository does not open with it, and the job says why', async () => {
    const locationId = await s3Location('foreign');
    const held = hubKey(locationId);
    const foreign = aKey();
    await initRepository(storeOf('foreign'), kek(foreign));
    const job = await rotated(locationId);
    expect(job.phase).toBe('Failed');
    expect(job.error).toMatch(/does not open with the key the hub holds for it/);
    expect(hubKey(locationId)).toBe(held);
    await expect(openRepository(storeOf('foreign'), kek(foreign))).resolves.toBeDefined();
  });

  it('refuses a second rotation while one is queued: CONFLICT, and the queued one keeps its key', async () => {
    const locationId = await s3Location('queued');
    const idle = await admin<{ registerCluster: { cluster: { id: string } } }>(
      'mutation($t: ID!) { registerCluster(input: { tenantId: $t, name: "keys-idle" }) { cluster { id } } }',
      { t: tenantId },
    );
    const onIdle = (newKey: string) =>
      hub.gql<{ rotateLocationKey: { id: string } }>(
        hub.adminToken,
        'mutation($id: ID!, $c: ID!, $k: String) { rotateLocationKey(id: $id, clusterId: $c, newKey: $k) { id } }',
        { id: locationId, c: idle.registerCluster.cluster.id, k: newKey },
      );
    const first = await onIdle(aKey());
    expect(first.errors).toBeUndefined();
    const second = await onIdle(aKey());
    answers.push(JSON.stringify(first), JSON.stringify(second));
    expect(second.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    expect(second.errors?.[0]?.message).toMatch(/is queued or running; wait for its job to end/);
  });

  it('refuses a supplied key that is not base64 of 32 bytes, without quoting it', async () => {
    const short = Buffer.alloc(16, 3).toString('base64');
    const answer = await hub.gql(
      hub.adminToken,
      'mutation($t: ID!, $k: String) { createBackupLocation(input: { tenantId: $t, name: "short-key", filesystem: { path: "/tmp" }, repositoryKey: $k }) { id } }',
      { t: tenantId, k: short },
    );
    expect(answer.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(JSON.stringify(answer)).not.toContain(short);
  });

  it('refuses a rotation to an admin narrowed to a cluster: FORBIDDEN, and the key stays', async () => {
    const locationId = await s3Location('narrowed');
    const held = hubKey(locationId);
    const minted = await admin<{ createApiToken: { token: string } }>(
      'mutation($t: ID!, $c: [ID!]!) { createApiToken(input: { tenantId: $t, name: "narrowed-admin", role: admin, clusterIds: $c }) { token } }',
      { t: tenantId, c: [clusterId] },
    );
    const answer = await rotate(locationId, undefined, minted.createApiToken.token);
    answers.push(JSON.stringify(answer));
    expect(answer.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(answer.data?.rotateLocationKey ?? null).toBeNull();
    expect(hubKey(locationId)).toBe(held);
  });

  it("shows no key material in any location field, any answer, or the hub's and the agent's logs", async () => {
    const fields = await admin<{ __type: { fields: { name: string; type: { kind: string; ofType: { kind: string } | null } }[] } }>(
      '{ __type(name: "BackupLocation") { fields { name type { kind ofType { kind } } } } }',
    );
    const scalars = fields.__type.fields
      .filter((f) => [f.type.kind, f.type.ofType?.kind].includes('SCALAR'))
      .map((f) => f.name);
    expect(scalars.filter((name) => /key/i.test(name) && name !== 'encryptionKeyRef')).toEqual([]);
    await admin(`query($t: ID!) { backupLocations(tenantId: $t) { edges { node { ${scalars.join(' ')} } } } }`, { t: tenantId });
    const logs = (await import('node:fs')).readFileSync(hub.logFile, 'utf8') + agent.output();
    expect(keysSeen.size).toBeGreaterThanOrEqual(6);
    for (const key of keysSeen) {
      for (const text of [...answers, logs]) expect(text).not.toContain(key);
    }
  });
});
