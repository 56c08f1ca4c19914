import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ApiError } from '../../hub/console/src/api/ApiError.ts';
import { GraphqlClient } from '../../hub/console/src/api/GraphqlClient.ts';
import { defineOperation } from '../../hub/console/src/api/Operation.ts';
import { startTestHub, type TestHub } from '../kit/startTestHub.ts';
import { waitFor } from '../world/waitFor.ts';

// The console's API client against a real hub, outside a browser (Node has fetch and WebSocket too): every
// failure becomes an ApiError with the API's message and code, and subscriptions arrive over graphql-ws.
const world = inject('world');

const me = defineOperation<{ me: { kind: string } }>('query { me { kind } }');
const register = defineOperation<{ registerCluster: { cluster: { id: string } } }, { t: string; n: string }>(
  'mutation($t: ID!, $n: String!) { registerCluster(input: { tenantId: $t, name: $n }) { cluster { id } } }',
);
const backupUpdated = defineOperation<{ backupUpdated: { id: string; phase: string } }, { id: string }>(
  'subscription($id: ID!) { backupUpdated(id: $id) { id phase } }',
);

describe('the console’s GraphqlClient', () => {
  let hub: TestHub;
  let endpoint: string;
  let tenantId: string;
  const clients: GraphqlClient[] = [];
  const client = (token: string | undefined, onUnauthenticated?: (e: ApiError) => void) => {
    const made = new GraphqlClient({ token, endpoint, onUnauthenticated });
    clients.push(made);
    return made;
  };
  const admin = async <T>(query: string, variables?: object) => {
    const result = await hub.gql<T>(hub.adminToken, query, variables);
    if (result.errors) throw new Error(JSON.stringify(result.errors));
    return result.data as T;
  };

  beforeAll(async () => {
    hub = await startTestHub({ database: 'sqlite', world });
    endpoint = `${hub.url}/graphql`;
    tenantId = (await admin<{ createTenant: { id: string } }>('mutation { createTenant(input: { name: "t" }) { id } }'))
      .createTenant.id;
  });
  afterAll(async () => {
    for (const c of clients) c.dispose();
    await hub?.stop();
  });

  it('returns the data of a query', async () => {
    expect(await client(hub.adminToken).request(me)).toEqual({ me: { kind: 'admin' } });
  });

  it("turns an API error into an ApiError with the API's message, code and field", async () => {
    const error = await client(hub.adminToken)
      .request(register, { t: tenantId, n: 'Not A Label' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.name' });
    expect((error as ApiError).message).toMatch(/^input\.name: /);
  });

  it('reports a refused token once, so the console can end the session', async () => {
    const refusals: ApiError[] = [];
    const error = await client('fbk_api_revoked-or-never-was', (e) => refusals.push(e))
      .request(me)
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'UNAUTHENTICATED', message: 'unknown API token' });
    expect(refusals).toHaveLength(1);
  });

  it('tells an unreachable hub and a non-GraphQL answer apart from API errors', async () => {
    const down = new GraphqlClient({ token: 't', endpoint: 'http://127.0.0.1:9/graphql' });
    await expect(down.request(me)).rejects.toMatchObject({ code: 'NETWORK' });
    const notGraphql = new GraphqlClient({ token: 't', endpoint: `${hub.url}/metrics` });
    await expect(notGraphql.request(me)).rejects.toMatchObject({ code: 'BAD_RESPONSE' });
  });

  it('follows a subscription over graphql-ws', async () => {
    const cluster = (await client(hub.adminToken).request(register, { t: tenantId, n: 'watched' })).registerCluster
      .cluster.id;
    const location = await admin<{ createBackupLocation: { id: string } }>(
      'mutation($t: ID!) { createBackupLocation(input: { tenantId: $t, name: "disk", filesystem: { path: "/var/backups/fb" } }) { id } }',
      { t: tenantId },
    );
    const backup = await admin<{ createBackup: { id: string } }>(
      'mutation($c: ID!, $l: ID!) { createBackup(input: { clusterId: $c, locationId: $l }) { id } }',
      { c: cluster, l: location.createBackupLocation.id },
    );
    const id = backup.createBackup.id;
    const seen: string[] = [];
    const errors: ApiError[] = [];
    const watcher = client(hub.adminToken);
    const stop = watcher.subscribe(backupUpdated, { id }, {
      next: (data) => seen.push(data.backupUpdated.phase),
      error: (e) => errors.push(e),
    });
    // A second subscription on the same socket, refused at once, shows the hub has taken the first one in.
    await new Promise((resolve) =>
      watcher.subscribe(backupUpdated, { id: 'probe' }, { next: () => undefined, error: resolve }),
    );
    await new Promise((resolve) => setTimeout(resolve, 200));
    // Cancelling the backup's job fails the backup, which the subscription shows.
    const job = await admin<{ jobs: { edges: { node: { id: string } }[] } }>(
      'query($s: ID!) { jobs(filter: { subjectId: $s }) { edges { node { id } } } }',
      { s: id },
    );
    await admin('mutation($id: ID!) { cancelJob(id: $id) { id } }', { id: job.jobs.edges[0]?.node.id });
    await waitFor(async () => seen.includes('Failed'), { what: 'the update to arrive', timeoutMs: 10_000 });
    stop();
    expect(errors).toEqual([]);
  });

  it('ends a subscription with the API’s error, and a refused token with UNAUTHENTICATED', async () => {
    const notFound = await new Promise<ApiError>((resolve) => {
      client(hub.adminToken).subscribe(backupUpdated, { id: 'nope' }, { next: () => undefined, error: resolve });
    });
    expect(notFound.code).toBe('NOT_FOUND');

    const refusals: ApiError[] = [];
    const refused = await new Promise<ApiError>((resolve) => {
      client('fbk_api_nobody', (e) => refusals.push(e)).subscribe(backupUpdated, { id: 'nope' }, {
        next: () => undefined,
        error: resolve,
      });
    });
    expect(refused.code).toBe('UNAUTHENTICATED');
    expect(refusals).toHaveLength(1);
  });
});
