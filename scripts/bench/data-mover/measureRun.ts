import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** What one command cost, as GNU time reports it for the process and all it waited for. */
export interface Measured {
  seconds: number;
  cpuSeconds: number;
  peakRssMiB: number;
  stdout: string;
}

/** Runs a command to its end under /usr/bin/time; fails with its stderr's tail when it exits non-zero. */
export async function measureRun(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<Measured> {
  const dir = await mkdtemp(join(tmpdir(), 'fleetback-bench-time-'));
  const timeFile = join(dir, 'time');
  try {
    const child = spawn('/usr/bin/time', ['-f', '%e %U %S %M', '-o', timeFile, command, ...args], {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-4000)));
    const code = await new Promise<number | null>((resolve, reject) => {
      child.on('error', reject);
      child.on('close', resolve);
    });
    if (code !== 0) throw new Error(`${command} ${args.join(' ')} exited with ${code}:\n${stderr}`);
    const [seconds, user, system, rssKiB] = (await readFile(timeFile, 'utf8')).trim().split('\n').at(-1)!.split(' ').map(Number) as [number, number, number, number];
    return { seconds, cpuSeconds: round(user + system), peakRssMiB: round(rssKiB / 1024), stdout };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

export const round = (value: number) => Math.round(value * 100) / 100;
