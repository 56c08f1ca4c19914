import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { consoleEnumsFile, renderConsoleEnums } from './renderConsoleEnums.ts';

const root = join(import.meta.dirname, '../..');

describe('renderConsoleEnums', () => {
  it('the console enums match schema/hub.graphql (run `npm run schema:emit` when they do not)', () => {
    const sdl = readFileSync(join(root, 'schema/hub.graphql'), 'utf8');
    expect(readFileSync(join(root, consoleEnumsFile), 'utf8')).toBe(renderConsoleEnums(sdl));
  });

  it('writes each enum as a union of its values, in the schema order', () => {
    const sdl = [
      '"What the agent is asked to do." enum JobKind { backup restore }',
      'enum JobPhase { Queued Failed }',
      'enum BackupLocationKind { s3 filesystem }',
      'enum CredentialKind { aws }',
      'type Query { a: JobKind b: JobPhase c: BackupLocationKind d: CredentialKind }',
    ].join('\n');
    expect(renderConsoleEnums(sdl)).toContain(
      "/** What the agent is asked to do. */\nexport type JobKind = 'backup' | 'restore';\n",
    );
    expect(renderConsoleEnums(sdl)).toContain("export type JobPhase = 'Queued' | 'Failed';\n");
    expect(renderConsoleEnums(sdl)).toContain("export type BackupLocationKind = 's3' | 'filesystem';\n");
    expect(renderConsoleEnums(sdl)).toContain("export type CredentialKind = 'aws';\n");
  });
});
