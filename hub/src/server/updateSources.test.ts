import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hubTopics } from '../graphql/hubPubSub.ts';
import { updateSources } from './updateSources.ts';

const hubSrc = join(import.meta.dirname, '..');

/**
 * Native writes to an entity of `updateSources` that announce nothing, each with why no subscriber misses it.
 * Keyed by file and entity variable.
 */
const heardOtherwise: Record<string, string> = {
  'restores/reportRestoreItems.ts RestoreItemEntity':
    "an earlier delivery's rows are deleted in the transaction that inserts the new delivery's, which announces the restore",
};

function* productFiles(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'console' && entry.name !== 'migrations') yield* productFiles(path);
    } else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts')) yield path;
  }
}

describe('update sources', () => {
  it('announce every topic a subscription listens to', () => {
    expect(new Set(updateSources.map((s) => s.topic))).toEqual(new Set(hubTopics));
  });

  it('are written natively only through the helpers that report the write (compareAndSet, insertNewRows)', () => {
    // Entities are exported as `<Name>Entity`, the name MikroORM's change sets carry plus `Entity`.
    const names = updateSources.map((s) => `${s.entityName}Entity`).join('|');
    const nativeWrite = new RegExp(
      String.raw`\.(?:nativeUpdate|nativeDelete|nativeInsert|insert|insertMany|upsert|upsertMany|createQueryBuilder|qb)\(\s*(${names})\b`,
      'g',
    );
    const unheard: string[] = [];
    for (const file of productFiles(hubSrc)) {
      const source = readFileSync(file, 'utf8');
      for (const match of source.matchAll(nativeWrite)) {
        const where = `${relative(hubSrc, file)} ${match[1]}`;
        if (!(where in heardOtherwise)) unheard.push(where);
      }
    }
    expect(unheard).toEqual([]);
  });
});
