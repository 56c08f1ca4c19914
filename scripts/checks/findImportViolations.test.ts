import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../../test/world/peerBinary.ts';
import { findImportViolations, relativeImports } from './findImportViolations.ts';

function tree(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'imports-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

describe('findImportViolations', () => {
  it('reads static, type, re-export and dynamic imports', () => {
    const source = `import { a } from './a.ts';\nimport type { B } from "../b.ts";\nexport * from './c.ts';\nconst d = await import('./d.ts');\nimport { e } from 'graphql';\nimport { f } from '#schema/f';`;
    expect(relativeImports(source)).toEqual(['./a.ts', '../b.ts', './c.ts', './d.ts', '#schema/f']);
  });

  it('flags the hub reaching into the agent, the agent into the hub, schema into either, and schema by path', () => {
    const root = tree({
      'hub/src/x.ts': "import { y } from '../../agent/src/y.ts';\nimport { s } from '#schema/s';",
      'agent/src/z.ts': "import { s } from '../../schema/s.ts';",
      'agent/src/y.ts': "import type { X } from '../../hub/src/x.ts';",
      'schema/s.ts': "export { y } from '../agent/src/y.ts';",
    });
    expect(findImportViolations(root)).toEqual([
      { file: 'schema/s.ts', specifier: '../agent/src/y.ts', target: 'agent' },
      { file: 'hub/src/x.ts', specifier: '../../agent/src/y.ts', target: 'agent' },
      { file: 'agent/src/y.ts', specifier: '../../hub/src/x.ts', target: 'hub' },
      {
        file: 'agent/src/z.ts',
        specifier: '../../schema/s.ts',
        target: 'schema by relative path (import it as #schema/…)',
      },
    ]);
  });

  it('finds no violation in this repository', () => {
    expect(findImportViolations(repoRoot)).toEqual([]);
  });
});
