import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { RequiredEntityData } from '@mikro-orm/core';
import { pino } from 'pino';
import { PeerMissingError } from '../../test/world/PeerMissingError.ts';
import { startPostgres } from '../../test/world/startPostgres.ts';
import { BackupEntity, type BackupRow } from '../../hub/src/backups/BackupEntity.ts';
import { type BackupPhase, backupPhases } from '../../hub/src/backups/backupLifecycle.ts';
import { loadConfig } from '../../hub/src/config/loadConfig.ts';
import { createOrm } from '../../hub/src/server/createOrm.ts';
import { newId } from '../../hub/src/db/newId.ts';
import { startHub } from '../../hub/src/server/startHub.ts';
import { parseBackupSpec } from '#schema/contracts/BackupSpec';
import { percentile } from './percentile.ts';

/**
 * Catalog read latency at scale: seeds 100,000 backups over 50 clusters of 5 tenants, then times a filtered
 * first page of `backups` and a `backup(id)` over HTTP as a tenant operator's API token. Runs on SQLite, and
 * then on PostgreSQL: the empty database FLEETBACK_BENCH_DATABASE_URL names, or a throw-away local server. Prints one JSON object.
 * Run with `npm run bench`.
 */
const totalBackups = Number(process.env.FLEETBACK_BENCH_BACKUPS ?? 100_000);
const tenants = 5;
const clustersPerTenant = 10;
const requests = 200;
const warmup = 20;
const batchSize = 1000;
const pageQuery =
  'query($c: ID!, $p: [BackupPhase!]) { backups(first: 50, filter: { clusterId: $c, phases: $p }) { totalCount edges { node { id name phase createdAt } } } }';
const oneQuery =
  'query($id: ID!) { backup(id: $id) { id name phase spec { includeNamespaces } labels { key value } } }';

/** Phases weighted as a healthy catalog looks: mostly completed, a few failures and in-flight ones. */
const phaseWeights: [BackupPhase, number][] = [
  ['Completed', 75],
  ['PartiallyFailed', 8],
  ['Failed', 7],
  ['Pending', 4],
  ['Running', 4],
  ['Deleting', 2],
];

function phaseAt(i: number): BackupPhase {
  let n = i % 100;
  for (const [phase, weight] of phaseWeights) {
    if (n < weight) return phase;
    n -= weight;
  }
  return backupPhases[0];
}

async function post(url: string, token: string, body: string): Promise<Response> {
  const init = {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body,
  };
  try {
    return await fetch(`${url}/graphql`, init);
  } catch {
    // A keep-alive socket the server closed while the seed kept the event loop busy: one retry, fresh socket.
    return await fetch(`${url}/graphql`, init);
  }
}

async function gql<T>(url: string, token: string, query: string, variables: object): Promise<T> {
  const response = await post(url, token, JSON.stringify({ query, variables }));
  const body = (await response.json()) as { data?: Record<string, unknown>; errors?: unknown[] };
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data as T;
}

async function timed(count: number, run: (i: number) => Promise<unknown>): Promise<Record<string, number>> {
  for (let i = 0; i < warmup; i++) await run(i);
  const ms: number[] = [];
  for (let i = 0; i < count; i++) {
    const start = performance.now();
    await run(i);
    ms.push(performance.now() - start);
  }
  return {
    requests: count,
    p50Ms: percentile(ms, 50),
    p99Ms: percentile(ms, 99),
    maxMs: percentile(ms, 100),
  };
}

async function benchOn(database: 'sqlite' | 'postgresql', databaseUrl?: string) {
  const dataDir = mkdtempSync(join(tmpdir(), 'fleetback-bench-'));
  const env: NodeJS.ProcessEnv = {
    FLEETBACK_PORT: '0',
    FLEETBACK_HOST: '127.0.0.1',
    FLEETBACK_DATA_DIR: dataDir,
  };
  if (databaseUrl) {
    env.FLEETBACK_DATABASE_URL = databaseUrl;
    env.FLEETBACK_MASTER_KEY = randomBytes(32).toString('base64');
  }
  const config = loadConfig(env, []);
  const hub = await startHub(config, pino({ level: 'silent' }));
  const orm = await createOrm(config);
  try {
    const admin = hub.adminToken as string;
    const clusters: { tenantId: string; clusterId: string }[] = [];
    let operatorToken = '';
    for (let t = 0; t < tenants; t++) {
      const tenant = await gql<{ createTenant: { id: string } }>(
        hub.url,
        admin,
        'mutation($n: String!) { createTenant(input: { name: $n }) { id } }',
        {
          n: `bench-${t}`,
        },
      );
      const tenantId = tenant.createTenant.id;
      for (let c = 0; c < clustersPerTenant; c++) {
        const r = await gql<{ registerCluster: { cluster: { id: string } } }>(
          hub.url,
          admin,
          'mutation($t: ID!, $n: String!) { registerCluster(input: { tenantId: $t, name: $n }) { cluster { id } } }',
          { t: tenantId, n: `c${c}` },
        );
        clusters.push({ tenantId, clusterId: r.registerCluster.cluster.id });
      }
      if (t === 0) {
        const r = await gql<{ createApiToken: { token: string } }>(
          hub.url,
          admin,
          'mutation($t: ID!) { createApiToken(input: { tenantId: $t, name: "bench", role: operator }) { token } }',
          { t: tenantId },
        );
        operatorToken = r.createApiToken.token;
      }
    }

    const seedStart = performance.now();
    const base = Date.now() - 100 * 86_400_000;
    const tenant0Ids: string[] = [];
    for (let from = 0; from < totalBackups; from += batchSize) {
      const rows: RequiredEntityData<BackupRow>[] = [];
      for (let i = from; i < Math.min(from + batchSize, totalBackups); i++) {
        const { tenantId, clusterId } = clusters[i % clusters.length] as (typeof clusters)[number];
        const createdAt = new Date(base + i * 60_000);
        const spec = parseBackupSpec({
          clusterId,
          locationId: 'bench-location',
          includeNamespaces: ['shop'],
        });
        const id = newId();
        if (tenantId === clusters[0]?.tenantId) tenant0Ids.push(id);
        rows.push({
          id,
          tenantId,
          clusterId,
          locationId: 'bench-location',
          name: `bench-${i}`,
          spec,
          labels: { schedule: i % 2 ? 'nightly' : 'hourly' },
          phase: phaseAt(i),
          progress: { itemsDone: 120, itemsTotal: 120, bytes: 1_048_576 },
          result: null,
          createdAt,
          startedAt: createdAt,
          completedAt: createdAt,
          expiresAt: new Date(createdAt.getTime() + spec.ttlSeconds * 1000),
        });
      }
      const em = orm.em.fork();
      await em.transactional((tem) => tem.insertMany(BackupEntity, rows));
    }
    const seedSeconds = (performance.now() - seedStart) / 1000;

    const tenant0Clusters = clusters.filter((c) => c.tenantId === clusters[0]?.tenantId);
    const page = await timed(requests, (i) =>
      gql(hub.url, operatorToken, pageQuery, {
        c: (tenant0Clusters[i % tenant0Clusters.length] as (typeof clusters)[number]).clusterId,
        p: [i % 3 === 0 ? 'Failed' : 'Completed'],
      }),
    );
    const one = await timed(requests, (i) =>
      gql(hub.url, operatorToken, oneQuery, { id: tenant0Ids[(i * 7919) % tenant0Ids.length] }),
    );
    return {
      database,
      backups: totalBackups,
      clusters: clusters.length,
      tenants,
      seedSeconds: Math.round(seedSeconds * 10) / 10,
      filteredFirstPage: page,
      backupById: one,
      hubRssMiB: Math.round(process.memoryUsage().rss / 1_048_576),
    };
  } finally {
    await orm.close();
    await hub.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

const results = [await benchOn('sqlite')];
// PostgreSQL: the database named by FLEETBACK_BENCH_DATABASE_URL, or else a throw-away server of the test world.
let pgUrl = process.env.FLEETBACK_BENCH_DATABASE_URL;
let postgres: Awaited<ReturnType<typeof startPostgres>> | undefined;
const pgLogDir = mkdtempSync(join(tmpdir(), 'fleetback-bench-pg-'));
if (!pgUrl) {
  try {
    postgres = await startPostgres({ logDir: pgLogDir });
    pgUrl = postgres.info.url;
  } catch (error) {
    if (!(error instanceof PeerMissingError)) throw error;
    console.error(`skipping PostgreSQL: ${error.message}`);
  }
}
try {
  if (pgUrl) results.push(await benchOn('postgresql', pgUrl));
} finally {
  await postgres?.stop();
  rmSync(pgLogDir, { recursive: true, force: true });
}
console.log(
  JSON.stringify({
    benchmark: 'hub-api',
    node: process.version,
    note: 'the hub runs in the benchmark process, so hubRssMiB includes the HTTP client; latencies are sequential, one request in flight',
    results,
  }),
);
