import { type Dirent, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

interface LockedPackage {
  dev?: boolean;
  optional?: boolean;
  hasInstallScript?: boolean;
}

export interface NativeAddonReport {
  /** Packages the product ships (not dev-only) that contain a compiled addon or a node-gyp build file. */
  runtimeAddons: string[];
  /** Packages of the whole tree whose install compiles native code (a binding.gyp). */
  compiledAtInstall: string[];
}

function* filesOf(dir: string, depth = 0): Generator<string> {
  let entries: Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return;
  }
  for (const entry of entries) {
    if (entry.isDirectory()) {
      if (entry.name !== 'node_modules' && depth < 6) yield* filesOf(join(dir, entry.name), depth + 1);
    } else yield entry.name;
  }
}

/**
 * Reads `package-lock.json` and the installed tree under `root` to find native addons. Dev tools may ship
 * prebuilt executables (Vite's bundler, esbuild), but nothing may be compiled at install time and nothing the
 * hub or agent loads at run time may be an addon: SQLite, zstd and crypto come from Node itself.
 */
export function findNativeAddons(root: string): NativeAddonReport {
  const lock = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8')) as {
    packages: Record<string, LockedPackage>;
  };
  const report: NativeAddonReport = { runtimeAddons: [], compiledAtInstall: [] };
  for (const [path, meta] of Object.entries(lock.packages)) {
    if (!path) continue;
    const files = [...filesOf(join(root, path))];
    if (files.includes('binding.gyp')) report.compiledAtInstall.push(path);
    if (!meta.dev && files.some((f) => f.endsWith('.node') || f === 'binding.gyp'))
      report.runtimeAddons.push(path);
  }
  return report;
}
