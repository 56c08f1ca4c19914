import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../../world/peerBinary.ts';

const consoleDir = join(repoRoot, 'hub', 'console');

/** The newest modification time among the console's sources and build settings. */
function newestSource(): number {
  let newest = 0;
  const visit = (path: string) => {
    const stat = statSync(path);
    if (stat.isDirectory()) {
      for (const entry of readdirSync(path)) visit(join(path, entry));
    } else {
      newest = Math.max(newest, stat.mtimeMs);
    }
  };
  for (const path of ['src', 'index.html', 'vite.config.ts']) visit(join(consoleDir, path));
  visit(join(repoRoot, 'package-lock.json'));
  return newest;
}

/**
 * Builds the console (`npm run build:console`) when `hub/console/dist` is missing or older than its sources,
 * so the browser suites always test the code in the tree. Takes a few seconds; a fresh build is reused.
 */
export function ensureConsoleBuilt(): void {
  const index = join(consoleDir, 'dist', 'index.html');
  if (existsSync(index) && statSync(index).mtimeMs >= newestSource()) return;
  const vite = join(repoRoot, 'node_modules', 'vite', 'bin', 'vite.js');
  const result = spawnSync(process.execPath, [vite, 'build', '--config', join(consoleDir, 'vite.config.ts')], {
    cwd: repoRoot,
    // Vitest sets NODE_ENV=test, which would give React's development build; test what ships.
    env: { ...process.env, NODE_ENV: 'production' },
    encoding: 'utf8',
    timeout: 180_000,
  });
  if (result.status !== 0) {
    throw new Error(`building the console failed (${result.status ?? result.signal}):\n${result.stdout}\n${result.stderr}`);
  }
}
