import { randomBytes, randomUUID } from 'node:crypto';
import { appendFile, mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { LocationTarget } from '#schema/agent/JobPayload';
import { alignMtimes, type DescribedEntry, describeTree } from '../../../agent/src/mover/testing/describeTree.ts';
import { makeTrickyTree } from '../../../agent/src/mover/testing/makeTrickyTree.ts';
import { type MoverRun, runMoverCli } from '../../kit/runMoverCli.ts';
import { repositoryLocations } from '../repository/repositoryLocations.ts';

const world = inject('world');
const GiB = 1024 ** 3;
const tenMinutes = 600_000;

let work: string;
let source: string;
let original: DescribedEntry[];

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'fleetback-mover-'));
  source = join(work, 'source');
  await makeTrickyTree(source, { sparseBytes: 2 * GiB });
  original = (await describeTree(source)).filter((entry) => entry.kind !== 'other');
}, tenMinutes);

afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

const ofType = (run: MoverRun, type: string) => run.lines.filter((line) => line.type === type);
interface BackupLine {
  snapshot: { id: string; tags: Record<string, string>; parent: string | null };
  stats: { files: number; filesRead: number; filesReused: number; stored: { bytesRead: number; newChunks: number; newBytes: number } };
}
const backupOf = (run: MoverRun) => ofType(run, 'backup')[0] as unknown as BackupLine;

for (const location of repositoryLocations(world, randomUUID().slice(0, 8))) {
  describe.skipIf(!location.present)(`fleetback mover with a repository in ${location.name}`, () => {
    let target: LocationTarget;
    let close: () => Promise<void>;
    let env: NodeJS.ProcessEnv;
    const mover = (...argv: string[]) => runMoverCli(argv, env);

    beforeAll(async () => {
      ({ target, close } = await location.create());
      const locationFile = join(work, `${randomUUID()}.json`);
      await writeFile(locationFile, JSON.stringify(target));
      env = { FLEETBACK_MOVER_LOCATION_FILE: locationFile, FLEETBACK_MOVER_KEY: randomBytes(32).toString('base64') };
      expect((await mover('init')).exitCode).toBe(0);
    });
    afterAll(() => close());

    it('round-trips the tricky tree byte for byte and by metadata, and skips the FIFO with a warning', async () => {
      const backup = await mover('backup', '--source', source, '--tag', 'pvc=data');
      // No error line; an SDK may still print a Node warning there.
      expect(backup.stderr).not.toMatch(/fleetback mover:/);
      expect(backup.exitCode).toBe(0);
      expect(ofType(backup, 'warning')).toEqual([{ type: 'warning', path: 'fifo', reason: 'a FIFO is not backed up' }]);
      const last = ofType(backup, 'progress').at(-1) as Record<string, number>;
      expect(last).toMatchObject({ filesDone: last.filesTotal, bytesDone: last.bytesTotal });
      const { snapshot, stats } = backupOf(backup);
      expect(snapshot.tags).toEqual({ pvc: 'data' });
      // The 2 GiB sparse file is stored as 1 MiB and 1,000 bytes of data; the rest of the tree is under 4 MiB.
      expect(stats.stored.bytesRead).toBeLessThan(8 * 1024 ** 2);

      const restoredDir = join(work, `restored-${randomUUID()}`);
      const restore = await mover('restore', snapshot.id, '--target', restoredDir);
      expect(restore.stderr).not.toMatch(/fleetback mover:/);
      expect(restore.exitCode).toBe(0);
      expect(ofType(restore, 'restore')[0]).toMatchObject({ failed: 0, ownership: true });
      expect(alignMtimes(await describeTree(restoredDir), original)).toEqual(original);
      const sparse = await stat(join(restoredDir, 'sparse.img'));
      expect(sparse.size).toBe(2 * GiB);
      expect(sparse.blocks * 512).toBeLessThan(16 * 1024 ** 2);
      await rm(restoredDir, { recursive: true, force: true });
    }, tenMinutes);

    it('backs up incrementally from the latest snapshot, reading and uploading only what changed', async () => {
      const changed = join(work, `changed-${randomUUID()}`);
      const tree = join(changed, 'tree');
      await makeTrickyTree(tree, { sparseBytes: 64 * 1024 ** 2 });
      const first = await mover('backup', '--source', tree, '--tag', 'pvc=changing', '--parent', 'latest');
      expect(backupOf(first).snapshot.parent).toBeNull();
      await appendFile(join(tree, 'docs', 'random.bin'), randomBytes(1000));
      const second = await mover('backup', '--source', tree, '--tag', 'pvc=changing', '--parent', 'latest');
      expect(second.exitCode).toBe(0);
      const { snapshot, stats } = backupOf(second);
      expect(snapshot.parent).toBe(backupOf(first).snapshot.id);
      expect(stats).toMatchObject({ filesRead: 1, filesReused: backupOf(first).stats.files - 1 });
      // random.bin is 3 MiB: the append changes its last chunk (or two), not the whole file.
      expect(stats.stored.newChunks).toBeLessThanOrEqual(2);
      expect(stats.stored.newBytes).toBeLessThan(3 * 1024 ** 2);

      const restoredDir = join(changed, 'restored');
      expect((await mover('restore', snapshot.id, '--target', restoredDir)).exitCode).toBe(0);
      const expected = (await describeTree(tree)).filter((entry) => entry.kind !== 'other');
      expect(alignMtimes(await describeTree(restoredDir), expected)).toEqual(expected);
      await rm(changed, { recursive: true, force: true });
    }, tenMinutes);

    it('restores only the chosen path', async () => {
      const snapshots = await mover('snapshots');
      const id = (ofType(snapshots, 'snapshot').find((s) => (s.tags as Record<string, string>).pvc === 'data') as { id: string }).id;
      const restoredDir = join(work, `partial-${randomUUID()}`);
      const restore = await mover('restore', id, '--target', restoredDir, '--path', 'docs');
      expect(restore.exitCode).toBe(0);
      const restored = (await describeTree(restoredDir)).map((entry) => entry.path);
      expect(restored).toEqual(['', 'docs', 'docs/empty', 'docs/empty-dir', 'docs/random.bin', 'docs/text.txt']);
      await rm(restoredDir, { recursive: true, force: true });
    }, tenMinutes);

    it('refuses a wrong key with exit code 4 and a named reason', async () => {
      const run = await runMoverCli(['snapshots'], { ...env, FLEETBACK_MOVER_KEY: randomBytes(32).toString('base64') });
      expect(run.exitCode).toBe(4);
      expect(JSON.parse(run.stderr.split('\n')[0] as string)).toMatchObject({ type: 'error', code: 'WRONG_KEY', exitCode: 4 });
      expect(run.lines).toEqual([]);
    });
  });
}

describe('fleetback mover exit codes', () => {
  it('says the location is unreachable with exit code 5', async () => {
    const locationFile = join(work, 'closed-port.json');
    const closed: LocationTarget = {
      kind: 's3',
      bucket: 'nowhere',
      prefix: '',
      region: 'us-east-1',
      endpoint: 'http://127.0.0.1:9',
      forcePathStyle: true,
      credential: { accessKeyId: 'a', secretAccessKey: 'b' },
    };
    await writeFile(locationFile, JSON.stringify(closed));
    const run = await runMoverCli(['snapshots'], { FLEETBACK_MOVER_LOCATION_FILE: locationFile, FLEETBACK_MOVER_KEY: randomBytes(32).toString('base64') });
    expect(run.exitCode).toBe(5);
    expect(JSON.parse(run.stderr.split('\n')[0] as string)).toMatchObject({ code: 'LOCATION_UNAVAILABLE', exitCode: 5 });
  }, 120_000);

  it('says what is wrong with the command line with exit code 2', async () => {
    const run = await runMoverCli(['backup', '--target', '/x'], { FLEETBACK_MOVER_LOCATION_FILE: '/nonexistent.json' });
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toMatch(/--target is not an option of mover backup/);
  });
});
