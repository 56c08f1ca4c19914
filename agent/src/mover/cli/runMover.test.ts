import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MemoryRepository } from '../testing/MemoryRepository.ts';
import { WrongKeyError } from '../../repository/WrongKeyError.ts';
import { moverExitCodes } from './moverExitCodes.ts';
import { parseLocationTarget } from './parseLocationTarget.ts';
import { type RepositoryAccess, runMover } from './runMover.ts';

let work: string;
let env: NodeJS.ProcessEnv;
beforeEach(async () => {
  work = await mkdtemp(join(tmpdir(), 'mover-cli-'));
  await writeFile(join(work, 'location.json'), JSON.stringify({ kind: 'filesystem', path: join(work, 'loc'), prefix: '' }));
  env = { FLEETBACK_MOVER_LOCATION_FILE: join(work, 'location.json'), FLEETBACK_MOVER_KEY: randomBytes(32).toString('base64') };
});
afterEach(async () => {
  await rm(work, { recursive: true, force: true });
});

async function run(argv: string[], access: RepositoryAccess, environment = env) {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const exitCode = await runMover(argv, { env: environment, stdout: (l) => stdout.push(l), stderr: (l) => stderr.push(l) }, access);
  return { exitCode, lines: stdout.map((l) => JSON.parse(l) as Record<string, unknown>), stderr };
}

const memory = (repository = new MemoryRepository()): RepositoryAccess => ({ init: async () => repository, open: async () => repository });

describe('runMover', () => {
  it('exits 3 and names the file when a restore is partial', async () => {
    const repository = new MemoryRepository();
    const content = randomBytes(10_000);
    await mkdir(join(work, 'src'));
    await writeFile(join(work, 'src', 'bad.bin'), content);
    await writeFile(join(work, 'src', 'good.txt'), 'good');
    const backup = await run(['backup', '--source', join(work, 'src')], memory(repository));
    expect(backup.exitCode).toBe(moverExitCodes.ok);
    const id = (backup.lines.find((l) => l.type === 'backup') as { snapshot: { id: string } }).snapshot.id;
    repository.damage(content);
    const restore = await run(['restore', id, '--target', join(work, 'out')], memory(repository));
    expect(restore.exitCode).toBe(moverExitCodes.partial);
    expect(restore.lines.filter((l) => l.type === 'failure')).toEqual([{ type: 'failure', path: 'bad.bin', reason: expect.stringMatching(/corrupt/) }]);
    expect(restore.lines.at(-1)).toMatchObject({ type: 'restore', files: 1, failed: 1 });
  });

  it('exits 4 with a JSON error line and a human line when the key is wrong', async () => {
    const refusing: RepositoryAccess = { init: async () => new MemoryRepository(), open: async () => Promise.reject(new WrongKeyError('repository/keys/k')) };
    const result = await run(['snapshots'], refusing);
    expect(result.exitCode).toBe(moverExitCodes.keyOrData);
    expect(JSON.parse(result.stderr[0] as string)).toMatchObject({ type: 'error', code: 'WRONG_KEY', exitCode: 4 });
    expect(result.stderr[1]).toMatch(/^fleetback mover: the key given does not open/);
  });

  const usage: [string, string[], NodeJS.ProcessEnv | undefined, RegExp][] = [
    ['an unknown command', ['frobnicate'], undefined, /unknown command 'frobnicate'/],
    ['a flag of another command', ['backup', '--source', '/x', '--path', 'a'], undefined, /--path is not an option of mover backup/],
    ['a restore without a snapshot', ['restore', '--target', '/x'], undefined, /takes one snapshot id/],
    ['a tag without a value', ['backup', '--source', '/x', '--tag', 'pvc'], undefined, /a tag is key=value/],
    ['no key', ['snapshots'], { FLEETBACK_MOVER_KEY: '' }, /no key: set FLEETBACK_MOVER_KEY or give --key-file/],
    ['a missing location file', ['snapshots'], { FLEETBACK_MOVER_LOCATION_FILE: '/nonexistent.json' }, /cannot read the location file \/nonexistent.json/],
    ['a short key', ['snapshots'], { FLEETBACK_MOVER_KEY: Buffer.alloc(16).toString('base64') }, /exactly 32 bytes/],
    ['a concurrency out of range', ['snapshots', '--concurrency', '0'], undefined, /--concurrency: '0' is not a whole number/],
    ['an unknown snapshot', ['restore', 'nope', '--target', '/tmp/x'], undefined, /holds no snapshot nope/],
  ];
  for (const [what, argv, overrides, message] of usage) {
    it(`exits 2 on ${what}`, async () => {
      const result = await run(argv, memory(), { ...env, ...overrides });
      expect(result.exitCode).toBe(moverExitCodes.usage);
      expect(result.stderr[1]).toMatch(message);
    });
  }

  it('uses the newest snapshot with the same tags for --parent latest, and none when there is none', async () => {
    const repository = new MemoryRepository();
    await mkdir(join(work, 'src'));
    await writeFile(join(work, 'src', 'a'), 'a');
    const backup = (...argv: string[]) => run(['backup', '--source', join(work, 'src'), ...argv], memory(repository));
    const parentOf = (r: Awaited<ReturnType<typeof backup>>) => (r.lines.at(-1) as { snapshot: { id: string; parent: string | null } }).snapshot;
    const first = parentOf(await backup('--tag', 'pvc=a', '--parent', 'latest'));
    await backup('--tag', 'pvc=b');
    expect(first.parent).toBeNull();
    expect(parentOf(await backup('--tag', 'pvc=a', '--parent', 'latest')).parent).toBe(first.id);
  });
});

describe('parseLocationTarget', () => {
  it('accepts each kind with its fields and refuses a wrong field by name', () => {
    expect(parseLocationTarget({ kind: 'filesystem', path: '/data' }, 'f')).toEqual({ kind: 'filesystem', path: '/data', prefix: '' });
    expect(parseLocationTarget({ kind: 's3', bucket: 'b', prefix: 'p', endpoint: 'http://127.0.0.1:9000', forcePathStyle: true, credential: { accessKeyId: 'a', secretAccessKey: 's' } }, 'f')).toEqual({
      kind: 's3',
      bucket: 'b',
      prefix: 'p',
      region: null,
      endpoint: 'http://127.0.0.1:9000',
      forcePathStyle: true,
      credential: { accessKeyId: 'a', secretAccessKey: 's' },
    });
    expect(() => parseLocationTarget({ kind: 's3', bucket: 7 }, 'loc.json')).toThrow('loc.json: bucket must be a string');
    expect(() => parseLocationTarget({ kind: 'ftp' }, 'loc.json')).toThrow(/kind must be one of s3, azure, gcs, filesystem/);
    expect(() => parseLocationTarget({ kind: 'gcs', bucket: 'b', credential: { projectId: 'p' } }, 'loc.json')).toThrow(/serviceAccountJson must be a string/);
  });
});
