import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import WebSocket from 'ws';
import { agentLinkPath, agentProtocolVersion } from '#schema/agent/agentProtocol';
import { databasesOf } from '../kit/databases.ts';
import { startTestHub, type TestHub } from '../kit/startTestHub.ts';
import { publicWsUrl, wsOnce } from '../kit/wsGql.ts';

const world = inject('world');

describe.each(databasesOf(world))('input validation and query limits on %s', (database) => {
  let hub: TestHub;
  let tenantId: string;
  beforeAll(async () => {
    hub = await startTestHub({ database, world });
    const created = await hub.gql<{ createTenant: { id: string } }>(
      hub.adminToken,
      'mutation { createTenant(input: { name: "shop" }) { id } }',
    );
    tenantId = created.data?.createTenant.id ?? '';
  });
  afterAll(() => hub?.stop());

  it('names the field of a bad Kubernetes name', async () => {
    const result = await hub.gql(
      hub.adminToken,
      'mutation($t: ID!) { registerCluster(input: { tenantId: $t, name: "Not_A_Name" }) { enrollmentToken } }',
      { t: tenantId },
    );
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.name' });
    expect(result.data ?? null).toBeNull();
  });

  it('refuses a duplicate name with CONFLICT', async () => {
    const register = () =>
      hub.gql(
        hub.adminToken,
        'mutation($t: ID!) { registerCluster(input: { tenantId: $t, name: "twice" }) { enrollmentToken } }',
        {
          t: tenantId,
        },
      );
    expect((await register()).errors).toBeUndefined();
    expect((await register()).errors?.[0]?.extensions?.code).toBe('CONFLICT');
  });

  it('refuses a page size out of range', async () => {
    const result = await hub.gql(hub.adminToken, '{ clusters(first: 5000) { totalCount } }');
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
  });

  it('refuses a malformed cursor', async () => {
    const result = await hub.gql(hub.adminToken, '{ clusters(after: "garbage!") { totalCount } }');
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
  });

  it('pages through clusters with stable cursors', async () => {
    for (const name of ['p1', 'p2', 'p3']) {
      await hub.gql(
        hub.adminToken,
        'mutation($t: ID!, $n: String!) { registerCluster(input: { tenantId: $t, name: $n }) { enrollmentToken } }',
        {
          t: tenantId,
          n: name,
        },
      );
    }
    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const page: {
        data?: {
          clusters: {
            edges: { node: { name: string } }[];
            pageInfo: { hasNextPage: boolean; endCursor: string | null };
          };
        } | null;
      } = await hub.gql(
        hub.adminToken,
        'query($a: String) { clusters(first: 2, after: $a) { edges { node { name } } pageInfo { hasNextPage endCursor } } }',
        {
          a: after,
        },
      );
      seen.push(...(page.data?.clusters.edges.map((e) => e.node.name) ?? []));
      if (!page.data?.clusters.pageInfo.hasNextPage) break;
      after = page.data.clusters.pageInfo.endCursor;
    }
    expect(seen).toEqual(['p1', 'p2', 'p3', 'twice']);
  });

  it('refuses an operation whose estimated cost is over the limit', async () => {
    const page = 'clusters(first: 500) { edges { node { id name labels { key value } } } }';
    const aliases = Array.from({ length: 8 }, (_, i) => `p${i}: ${page}`).join(' ');
    const result = await hub.gql(hub.adminToken, `{ ${aliases} }`);
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0]?.message).toMatch(/estimated cost/);
    expect(result.data ?? null).toBeNull();
  });

  /** The same operation over HTTP and graphql-ws, as the admin; both results. */
  const overBoth = async (query: string, variables?: Record<string, unknown>) => [
    await hub.gql(hub.adminToken, query, variables),
    await wsOnce(publicWsUrl(hub.url), hub.adminToken, query, variables),
  ];

  it('refuses an operation over its cost limit over graphql-ws as over HTTP, and does not run it', async () => {
    const costly = Array.from(
      { length: 2_000 },
      (_, i) =>
        `c${i}: registerCluster(input: { tenantId: $t, name: "costly-${i}" }) { enrollmentToken expiresAt cluster { id name tenantId labels { key value } } }`,
    ).join(' ');
    for (const result of await overBoth(`mutation($t: ID!) { ${costly} }`, { t: tenantId })) {
      expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(result.errors?.[0]?.message).toMatch(/exceeds the limit 20000/);
      expect(result.data ?? null).toBeNull();
    }
    const ran = await hub.admin<{ clusters: { totalCount: number } }>(
      '{ clusters(filter: { nameContains: "costly" }) { totalCount } }',
    );
    expect(ran.clusters.totalCount).toBe(0);
  });

  it("prices backups' logs so that ten aliased pages of logs are refused, not answered with hundreds of MB", async () => {
    const page = 'backups(first: 20) { edges { node { log { message } result { warnings errors } } } }';
    const aliases = Array.from({ length: 10 }, (_, i) => `b${i}: ${page}`).join(' ');
    for (const result of await overBoth(`{ ${aliases} }`)) {
      expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(result.errors?.[0]?.message).toMatch(/exceeds the limit 20000/);
    }
  });

  it('refuses an operation nested past the depth limit over graphql-ws as over HTTP, subscriptions too', async () => {
    // The depth rule counts fields whatever they are, so plain nesting shows it without a deep schema path.
    const nested = (depth: number): string => (depth === 1 ? 'id' : `x { ${nested(depth - 1)} }`);
    const depthErrorOf = (result: { errors?: { message: string; extensions?: { code?: string } }[] }) =>
      result.errors?.find((e) => /nested 13 fields deep; the limit is 12/.test(e.message));
    for (const result of await overBoth(`{ ${nested(13)} }`)) {
      expect(depthErrorOf(result)?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(result.data ?? null).toBeNull();
    }
    const subscription = await wsOnce(publicWsUrl(hub.url), hub.adminToken, `subscription { ${nested(13)} }`);
    expect(depthErrorOf(subscription)?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('the agent link refuses an operation past its depth or cost limit, before enrolling too', async () => {
    const agentUrl = `${hub.url.replace(/^http/, 'ws')}${agentLinkPath}`;
    const params = { protocolVersion: agentProtocolVersion, agentVersion: 'probe' };
    const nested = (depth: number): string => (depth === 1 ? 'protocolVersion' : `hub { ${nested(depth - 1)} }`);
    const deep = await wsOnce(agentUrl, undefined, `{ ${nested(7)} }`, undefined, params);
    expect(deep.errors?.some((e) => /nested 7 fields deep; the limit is 6/.test(e.message))).toBe(true);
    expect(deep.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const aliases = Array.from({ length: 600 }, (_, i) => `h${i}: hub { protocolVersion }`).join(' ');
    const costly = await wsOnce(agentUrl, undefined, `{ ${aliases} }`, undefined, params);
    expect(costly.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(costly.errors?.[0]?.message).toMatch(/exceeds the limit 500/);
  });

  it('refuses a NUL character in a filter with BAD_USER_INPUT, not INTERNAL, over both transports', async () => {
    const query = 'query($n: String) { clusters(filter: { nameContains: $n }) { totalCount } }';
    for (const result of await overBoth(query, { n: 'a\u0000b' })) {
      expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(result.errors?.[0]?.message).toMatch(/NUL/);
    }
    const literal = await hub.gql(hub.adminToken, '{ clusters(filter: { nameContains: "a\\u0000b" }) { totalCount } }');
    expect(literal.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('refuses a name filter longer than any name with BAD_USER_INPUT', async () => {
    const query = 'query($n: String) { backups(filter: { nameContains: $n }) { totalCount } }';
    for (const result of await overBoth(query, { n: 'x'.repeat(10_000) })) {
      expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter.nameContains' });
    }
  });

  it('refuses 10,000 labels in a filter with BAD_USER_INPUT, not INTERNAL', async () => {
    const labels = Array.from({ length: 10_000 }, (_, i) => ({ key: `k${i}`, value: 'v' }));
    const query = 'query($l: [LabelInput!]) { backups(filter: { labels: $l }) { totalCount } }';
    for (const result of await overBoth(query, { l: labels })) {
      expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter.labels' });
    }
  });

  it('a __proto__ label key is refused instead of disabling the label filter', async () => {
    await hub.admin(
      'mutation($t: ID!) { registerCluster(input: { tenantId: $t, name: "labelled", labels: [{ key: "env", value: "prod" }] }) { enrollmentToken } }',
      { t: tenantId },
    );
    const query = 'query($l: [LabelInput!]) { clusters(filter: { labels: $l }) { totalCount } }';
    const proto = await hub.gql(hub.adminToken, query, { l: [{ key: '__proto__', value: 'x' }] });
    expect(proto.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(proto.data ?? null).toBeNull();
    const matching = await hub.admin<{ clusters: { totalCount: number } }>(query, { l: [{ key: 'env', value: 'prod' }] });
    expect(matching.clusters.totalCount).toBe(1);
  });

  it.each(['/etc', '/var/run/secrets/kubernetes.io/serviceaccount'])(
    'refuses a filesystem location at %s',
    async (path) => {
      const result = await hub.gql(
        hub.adminToken,
        'mutation($t: ID!, $p: String!) { createBackupLocation(input: { tenantId: $t, name: "sys", filesystem: { path: $p } }) { id } }',
        { t: tenantId, p: path },
      );
      expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.filesystem.path' });
    },
  );

  it('answers a malformed or oversized JSON body with a JSON error and a code, never an HTML page', async () => {
    const post = (body: string) =>
      fetch(`${hub.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    for (const [body, status] of [
      ['{"query": ', 400],
      [JSON.stringify({ query: `{ __typename }`, pad: 'x'.repeat(2 * 1024 * 1024) }), 413],
    ] as const) {
      const response = await post(body);
      expect(response.status).toBe(status);
      expect(response.headers.get('content-type')).toMatch(/application\/json/);
      expect(response.headers.get('x-powered-by')).toBeNull();
      const text = await response.text();
      expect(text).not.toMatch(/<html|<pre>| at /i);
      expect(JSON.parse(text).errors[0].extensions.code).toBe('BAD_USER_INPUT');
    }
  });

  it('sends no stack trace and no X-Powered-By with an error', async () => {
    const response = await fetch(`${hub.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${hub.adminToken}` },
      body: JSON.stringify({ query: '{ noSuchField }' }),
    });
    expect(response.headers.get('x-powered-by')).toBeNull();
    const body = (await response.json()) as { errors: { extensions: Record<string, unknown> }[] };
    expect(body.errors[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT' });
    const ws = await wsOnce(publicWsUrl(hub.url), hub.adminToken, '{ noSuchField }');
    expect(ws.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT' });
  });

  it("an anonymous caller's operation names do not become Prometheus labels", async () => {
    for (let i = 0; i < 30; i++) {
      await fetch(`${hub.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: `query Probe${i}x { signInOptions { oidcIssuer } }`, operationName: `Probe${i}x` }),
      });
    }
    const metrics = await (await fetch(`${hub.url}/metrics`)).text();
    expect(metrics).not.toMatch(/Probe\d+x/);
    expect(metrics).toMatch(/operation="signInOptions"/);
    const labels = new Set([...metrics.matchAll(/operation="([^"]*)"/g)].map((m) => m[1]));
    expect([...labels].every((l) => l === 'other' || /^[a-zA-Z]+$/.test(l ?? ''))).toBe(true);
  });

  /** Opens a raw WebSocket on `path` and resolves to how it closed after `act` ran on the open socket. */
  const closeOf = (path: string, act: (socket: WebSocket) => void) =>
    new Promise<number>((resolve, reject) => {
      const socket = new WebSocket(`${hub.url.replace(/^http/, 'ws')}${path}`, 'graphql-transport-ws');
      socket.on('open', () => act(socket));
      socket.on('close', (code) => resolve(code));
      socket.on('error', () => undefined);
      socket.on('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
    });

  it.each([
    ['/graphql', 2 * 1024 * 1024],
    [agentLinkPath, 17 * 1024 * 1024],
  ])('closes a socket on %s that sends a frame of %i bytes before authenticating (1009)', async (path, size) => {
    expect(await closeOf(path, (socket) => socket.send(Buffer.alloc(size, 'x')))).toBe(1009);
  });

  it.each(['/graphql', agentLinkPath])('closes a socket on %s that never sends connection_init (4408)', async (path) => {
    expect(await closeOf(path, () => undefined)).toBe(4408);
  }, 15_000);
});

describe('limits per source address', () => {
  let hub: TestHub;
  beforeAll(async () => {
    hub = await startTestHub({
      database: 'sqlite',
      world,
      settings: { FLEETBACK_MAX_CONNECTIONS_PER_ADDRESS: '2' },
    });
  });
  afterAll(() => hub?.stop());

  const open = (path: string) =>
    new Promise<{ socket?: WebSocket; status?: number }>((resolve) => {
      const socket = new WebSocket(`${hub.url.replace(/^http/, 'ws')}${path}`, 'graphql-transport-ws');
      socket.on('open', () => resolve({ socket }));
      socket.on('error', () => undefined);
      socket.on('unexpected-response', (_req, res) => resolve({ status: res.statusCode }));
    });

  it('refuses a WebSocket past the per-address cap with 429, on both endpoints together', async () => {
    const first = await open('/graphql');
    const second = await open(agentLinkPath);
    expect(first.socket && second.socket).toBeTruthy();
    expect((await open('/graphql')).status).toBe(429);
    expect((await open(agentLinkPath)).status).toBe(429);
    await new Promise((resolve) => {
      first.socket?.once('close', resolve);
      first.socket?.close();
    });
    const again = await open('/graphql');
    expect(again.socket).toBeTruthy();
    again.socket?.close();
    second.socket?.close();
  });

  it('answers TOO_MANY_REQUESTS after repeated failed authentication from one address', async () => {
    const codes: (string | undefined)[] = [];
    for (let i = 0; i < 21; i++) {
      const result = await hub.gql(`fbk_api_wrong${i}`, '{ me { kind } }');
      codes.push(result.errors?.[0]?.extensions?.code);
    }
    expect(codes.slice(0, 20).every((c) => c === 'UNAUTHENTICATED')).toBe(true);
    const limited = await hub.gql(hub.adminToken, '{ me { kind } }');
    expect(limited.status).toBe(429);
    expect(limited.errors?.[0]?.extensions?.code).toBe('TOO_MANY_REQUESTS');
    expect(limited.data ?? null).toBeNull();
  });
});
