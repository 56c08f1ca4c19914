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

/** The relative import specifiers of a TypeScript source text (static, re-export and dynamic imports). */
export function relativeImports(source: string): string[] {
  const found: string[] = [];
  for (const match of source.matchAll(importPattern)) {
    const specifier = match[1] ?? match[2];
    if (specifier?.startsWith('.')) found.push(specifier);
  }
  return found;
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
 * hub and agent never import each other, and schema imports neither.
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
        const target = relative(root, resolve(dirname(file), specifier)).split(sep)[0] ?? '';
        if (!allowed.includes(target)) violations.push({ file: relative(root, file), specifier, target });
      }
    }
  }
  return violations;
}
