import { mkdir, mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { KubeConfig } from '@kubernetes/client-node';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { LocationTarget } from '#schema/agent/JobPayload';
import { parseBackupSpec } from '#schema/contracts/BackupSpec';
import { type BackupPayload, runBackup } from '../../../agent/src/backup/runBackup.ts';
import { JobFailure } from '../../../agent/src/jobs/JobFailure.ts';
import { type KubeJson, KubeJsonClient } from '../../../agent/src/kube/KubeJsonClient.ts';
import type { ObjectStore } from '../../../agent/src/storage/ObjectStore.ts';
import { openObjectStore } from '../../../agent/src/storage/openObjectStore.ts';
import type { ClusterInfo } from '../../world/WorldInfo.ts';
import { waitFor } from '../../world/waitFor.ts';
import { createShopFixture, type ShopFixture } from './createShopFixture.ts';
import { inspectBackup, listKeys, sha256 } from './inspectBackup.ts';
import { limitedKubeConfig } from './limitedKubeConfig.ts';
import { recordingContext } from './recordingContext.ts';
import { shopBackupCounts } from './shopBackupCounts.ts';
import { storeFixtures } from './storeFixtures.ts';

// The whole backup against a real API server and real stores: what lands in the location is a committed,
// self-describing backup standard tools read, and a run that fails or is cancelled commits nothing.
const world = inject('world');
const cluster = world.clusters.find((c) => c.name === 'a');
const run = Date.now().toString(36);

describe.skipIf(!cluster)('runBackup from world cluster a', () => {
  const info = cluster as ClusterInfo;
  let admin: KubeConfig;
  let kube: KubeJson;
  let f: ShopFixture;
  let work: string;

  beforeAll(async () => {
    admin = new KubeConfig();
    admin.loadFromFile(info.kubeconfigPath);
    kube = KubeJsonClient.of(admin);
    f = await createShopFixture(admin, run);
    work = await mkdtemp(join(tmpdir(), 'run-backup-'));
  });

  afterAll(async () => {
    await f?.remove();
    if (work) await rm(work, { recursive: true, force: true });
  });

  let backups = 0;
  function payload(location: LocationTarget, spec: Record<string, unknown> = {}): BackupPayload {
    const id = `b-${run}-${++backups}`;
    const backupSpec = parseBackupSpec({ version: 1, clusterId: 'a', locationId: 'loc', ...spec });
    return { kind: 'backup', backup: { id, name: `nightly-${backups}`, spec: backupSpec }, location };
  }
  const shopSpec = () => ({ includeNamespaces: [f.ns], labelSelectors: ['app=shop'] });

  const expectedCounts = () => shopBackupCounts(f);

  for (const fixture of storeFixtures(world, run)) {
    describe.skipIf(!fixture.present)(`to ${fixture.name}`, () => {
      let target: LocationTarget;
      let store: ObjectStore;
      beforeAll(async () => {
        target = await fixture.create(work);
        store = openObjectStore(target);
      });

      it('commits a backup whose backup.json describes exactly what standard tools read back', async () => {
        const p = payload(target, shopSpec());
        const { ctx, reports } = recordingContext();
        const outcome = await runBackup(p, { kube, store }, ctx);
        const b = await inspectBackup(store, p.backup.id, work);
        const dir = `backups/${p.backup.id}/`;
        expect(b.keys).toEqual(['backup.json', 'index.jsonl', 'log.jsonl', 'resources.tar.gz'].map((k) => dir + k));

        // backup.json commits exactly these bytes: the archive, index and log read back match its digests.
        expect(b.manifest).toMatchObject({ formatVersion: 1, backupId: p.backup.id, backupName: p.backup.name });
        expect(b.manifest).toMatchObject({ clusterId: 'a', spec: p.backup.spec, phase: 'Completed', itemCount: 14 });
        expect(b.manifest.archive).toEqual({ key: 'resources.tar.gz', ...b.stored.archive });
        expect(b.manifest.index).toEqual({ key: 'index.jsonl', ...b.stored.index });
        expect(b.manifest.log).toEqual({ key: 'log.jsonl', ...b.stored.log });
        expect(b.manifest.bytes).toBe(b.stored.archive.size + b.stored.index.size + b.stored.log.size);
        expect(Date.parse(b.manifest.startedAt)).toBeLessThanOrEqual(Date.parse(b.manifest.completedAt));

        // tar lists exactly the index's paths, and every extracted file is the item the index describes.
        expect(b.tarPaths).toEqual(b.index.map((e) => e.path));
        expect(new Set(b.tarPaths).size).toBe(14);
        for (const entry of b.index) {
          const bytes = await readFile(join(b.extractedTo, entry.path));
          expect({ size: bytes.length, sha256: sha256(bytes) }, entry.path).toEqual({ size: entry.size, sha256: entry.sha256 });
          const object = JSON.parse(bytes.toString()) as { kind: string; metadata: Record<string, unknown> };
          expect(object.kind).toBe(entry.kind);
          expect(object.metadata.name).toBe(entry.name);
          expect(object.metadata.labels ?? {}).toEqual(entry.labels);
          expect(object.metadata.namespace ?? null).toBe(entry.namespace);
        }
        expect(b.index.find((e) => e.resource === 'secrets')).toMatchObject({
          path: `resources/core/v1/secrets/${f.ns}/token.json`,
          labels: { app: 'shop' },
        });
        expect(b.index.map((e) => e.path)).toContain(`resources/core/v1/persistentvolumes/_cluster/${f.pv}.json`);

        // Counts by kind agree everywhere: the outcome, backup.json, and what the index holds.
        const tally: Record<string, number> = {};
        for (const e of b.index) {
          const kind = e.group ? `${e.resource}.${e.group}` : e.resource;
          tally[kind] = (tally[kind] ?? 0) + 1;
        }
        expect(tally).toEqual(expectedCounts());
        expect(b.manifest.countsByKind).toEqual(expectedCounts());
        const kinds = Object.fromEntries(b.index.map((e) => [e.group ? `${e.resource}.${e.group}` : e.resource, e.kind]));
        expect(outcome).toEqual({
          phase: 'Completed',
          countsByKind: expectedCounts(),
          kinds,
          itemCount: 14,
          bytes: b.manifest.bytes,
          warnings: b.log.map((l) => l.message),
          errors: [],
          problems: {
            warnings: b.log.map((l) => ({ type: l.resource ?? null, namespace: l.namespace ?? null, name: l.name ?? null, message: l.message })),
            errors: [],
          },
          log: b.log,
          logTruncated: false,
        });
        expect(b.manifest.warningCount).toBe(b.log.length);

        expect(reports.some((r) => r.done > 0 && r.bytes > 0)).toBe(true);
        expect(reports.at(-1)).toMatchObject({ done: 14, total: 14, bytes: b.manifest.bytes });
        if (fixture.fileOf) {
          // Written last: no other object of the backup is newer than backup.json.
          const mtime = async (key: string) => (await stat(fixture.fileOf?.(target, dir + key) ?? '')).mtimeMs;
          const committedAt = await mtime('backup.json');
          for (const key of ['resources.tar.gz', 'index.jsonl', 'log.jsonl']) {
            expect(await mtime(key)).toBeLessThanOrEqual(committedAt);
          }
        }
      });

      it('leaves a committed backup alone when its job runs again, and reports what it committed', async () => {
        const p = payload(target, shopSpec());
        const first = await runBackup(p, { kube, store }, recordingContext().ctx);
        const committed = await inspectBackup(store, p.backup.id, work);
        const again = await runBackup(p, { kube, store }, recordingContext().ctx);
        expect(again).toEqual(first);
        // Not rewritten: the same startedAt/completedAt, archive digest and all.
        expect((await inspectBackup(store, p.backup.id, work)).manifest).toEqual(committed.manifest);
      });

      it('stops when cancelled mid-way and commits nothing', async () => {
        const p = payload(target, shopSpec());
        const { ctx, reports } = recordingContext((r) => r.done >= 3);
        await expect(runBackup(p, { kube, store }, ctx)).rejects.toThrow(new JobFailure('cancelled by a user'));
        expect(Math.max(...reports.map((r) => r.done))).toBeLessThan(14);
        expect(await listKeys(store, `backups/${p.backup.id}/`)).toEqual([]);
      });

      it('fails with an explained JobFailure when the location fails after the archive, and commits nothing', async () => {
        const p = payload(target, shopSpec());
        const { ctx, reports } = recordingContext();
        const failing = await fixture.failIndexWrites(target, store, p.backup.id);
        const failure = await runBackup(p, { kube, store: failing }, ctx).then(
          () => undefined,
          (error: unknown) => error,
        );
        expect(failure).toBeInstanceOf(JobFailure);
        expect((failure as Error).message).toMatch(fixture.indexFailure(p.backup.id));
        // The archive stage had run through: the failure came mid-way, and took the archive with it.
        expect(reports.some((r) => r.done === 14)).toBe(true);
        const left = await listKeys(store, `backups/${p.backup.id}/`);
        expect(left.filter((k) => k.endsWith('backup.json') || k.endsWith('.tar.gz'))).toEqual([]);
      });
    });
  }

  it('ends PartiallyFailed, with every error listed and logged, when a type cannot be read', async () => {
    const target: LocationTarget = { kind: 'filesystem', path: work, prefix: 'partial' };
    await mkdir(work, { recursive: true });
    const store = openObjectStore(target);
    const reader = await limitedKubeConfig(admin, info, f.ns, `run-backup-${run}`, {
      clusterRules: [{ apiGroups: [''], resources: ['namespaces'], verbs: ['get', 'list'] }],
      namespaceRules: [{ apiGroups: [''], resources: ['configmaps'], verbs: ['list'] }],
    });
    try {
      const limited = KubeJsonClient.of(reader.kubeConfig);
      const spec = { includeNamespaces: [f.ns], includeResources: ['configmaps', 'secrets'], clusterScoped: 'none' };
      // New RBAC rules take a moment to reach the authorizer: retry until the ConfigMaps are readable.
      const { p, outcome } = await waitFor(
        async () => {
          const attempt = payload(target, spec);
          const result = await runBackup(attempt, { kube: limited, store }, recordingContext().ctx);
          return result.countsByKind.configmaps !== undefined && { p: attempt, outcome: result };
        },
        { what: 'the limited service account to read ConfigMaps', timeoutMs: 15_000 },
      );
      expect(outcome.phase).toBe('PartiallyFailed');
      expect(outcome.errors).toEqual([expect.stringMatching(new RegExp(`^secrets ${f.ns}: could not be listed: HTTP 403`))]);
      // The same error as data: the type and namespace it concerns, apart from its message.
      expect(outcome.problems?.errors).toEqual([
        { type: 'secrets', namespace: f.ns, name: null, message: expect.stringMatching(/^could not be listed: HTTP 403/) },
      ]);
      const b = await inspectBackup(store, p.backup.id, work);
      expect(b.manifest).toMatchObject({ phase: 'PartiallyFailed', errorCount: 1 });
      expect(b.log.filter((l) => l.level === 'error')).toEqual([
        { level: 'error', resource: 'secrets', namespace: f.ns, message: expect.stringContaining('HTTP 403') },
      ]);
      expect(b.index.every((e) => e.resource === 'configmaps')).toBe(true);
    } finally {
      await reader.remove();
    }
  });
});
