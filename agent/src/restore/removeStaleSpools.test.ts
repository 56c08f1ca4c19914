import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { removeStaleSpools } from './removeStaleSpools.ts';

describe('removeStaleSpools', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'stale-spools-'));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('removes the spools of dead processes and keeps those of live ones and anything else', async () => {
    // Pid 2^22 + 1 is above Linux's pid_max limit, so no process has it.
    const dead = `fleetback-restore-${2 ** 22 + 1}-abc`;
    const live = `fleetback-restore-${process.pid}-def`;
    for (const name of [dead, live, 'unrelated']) {
      await mkdir(join(dir, name));
      await writeFile(join(dir, name, '0.json'), '{}');
    }
    expect(await removeStaleSpools(dir)).toEqual([dead]);
    expect((await readdir(dir)).sort()).toEqual([live, 'unrelated'].sort());
  });

  it('does nothing when the directory does not exist', async () => {
    expect(await removeStaleSpools(join(dir, 'missing'))).toEqual([]);
  });
});
