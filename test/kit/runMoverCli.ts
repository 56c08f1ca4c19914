import { spawn } from 'node:child_process';
import { join } from 'node:path';

const repoRoot = join(import.meta.dirname, '..', '..');

/** What one `fleetback mover` run printed and how it ended. */
export interface MoverRun {
  exitCode: number | null;
  /** Every stdout line, parsed: the mover prints one JSON object per line. */
  lines: Record<string, unknown>[];
  stderr: string;
}

/** Runs `fleetback mover …` from source as its own process (Node with tsx's loader), to its end. */
export function runMoverCli(argv: string[], env: NodeJS.ProcessEnv): Promise<MoverRun> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(repoRoot, 'test/kit/runMoverMain.ts'), ...argv], {
    cwd: repoRoot,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (exitCode) => {
      const lines = stdout
        .split('\n')
        .filter((line) => line.trim())
        .map((line) => JSON.parse(line) as Record<string, unknown>);
      resolve({ exitCode, lines, stderr });
    });
  });
}
