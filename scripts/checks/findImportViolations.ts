import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';

/** Which top-level folders each folder may import from (ARCHITECTURE.md, "Layout"). */
export const allowedImports: Record<string, readonly string[]> = {
  schema: ['schema'],
  hub: ['hub', 'schema'],
  agent: ['agent', 'schema'],
};

export interface ImportViolation {
  file: string;
  specifier: string;
  /** The top-level folder the import reaches into. */
  target: string;
}

const importPattern = /(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;

/**
 * The project-internal import specifiers of a TypeScript source text (static, re-export and dynamic imports):
 * relative paths and the `#schema/…` subpath imports of package.json.
 */
export function relativeImports(source: string): string[] {
  const found: string[] = [];
  for (const match of source.matchAll(importPattern)) {
    const specifier = match[1] ?? match[2];
    if (specifier?.startsWith('.') || specifier?.startsWith('#')) found.push(specifier);
  }
  return found;
}

/** The top-level folder an import reaches, or `relative schema` when hub or agent climbs into schema/ by path. */
function importTarget(root: string, folder: string, file: string, specifier: string): string {
  if (specifier.startsWith('#schema/')) return 'schema';
  if (specifier.startsWith('#')) return specifier;
  const target = relative(root, resolve(dirname(file), specifier)).split(sep)[0] ?? '';
  // One spelling for the contracts everywhere: `#schema/…` survives moving a file, `../../../schema/…` does not.
  return target === 'schema' && folder !== 'schema' ? 'schema by relative path (import it as #schema/…)' : target;
}

function* sourceFiles(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name === 'dist') continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* sourceFiles(path);
    else if (/\.(ts|tsx|mts)$/.test(entry.name)) yield path;
  }
}

/**
 * Every import in `root`'s hub/, agent/ and schema/ that reaches a top-level folder it may not use:
 * hub and agent never import each other, schema imports neither, and hub and agent reach schema only as
 * `#schema/…`.
 */
export function findImportViolations(root: string): ImportViolation[] {
  const violations: ImportViolation[] = [];
  for (const [folder, allowed] of Object.entries(allowedImports)) {
    let files: string[];
    try {
      files = [...sourceFiles(join(root, folder))];
    } catch {
      continue;
    }
    for (const file of files) {
      for (const specifier of relativeImports(readFileSync(file, 'utf8'))) {
        const target = importTarget(root, folder, file, specifier);
        if (!allowed.includes(target)) violations.push({ file: relative(root, file), specifier, target });
      }
    }
  }
  return violations;
}
