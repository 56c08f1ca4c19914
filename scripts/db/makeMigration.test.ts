import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { MikroORM, type Options } from '@mikro-orm/core';
import { type Dialect, ormOptions } from '../../hub/src/server/createOrm.ts';
import { makeMigration } from './makeMigration.ts';
import { dialects, generatorOrm, migrationFolder, snapshotName } from './migrationFolder.ts';

const root = process.cwd();

interface Snapshot {
  tables: { name: string; columns: Record<string, unknown>; checks: { columnName: string }[] }[];
}

function readSnapshot(folder: string): Snapshot {
  return JSON.parse(readFileSync(join(folder, `${snapshotName}.json`), 'utf8')) as Snapshot;
}

describe.each(dialects)('%s snapshot', (dialect) => {
  it('describes exactly the schema the entities describe: an entity change needs `npm run db:migration`', async () => {
    const orm = generatorOrm(root, dialect);
    try {
      expect(await orm.migrator.checkSchema()).toBe(false);
    } finally {
      await orm.close();
    }
  });

  it('checks only the closed access lists: kind, phase and result lists grow without a table rebuild', () => {
    const checked = readSnapshot(migrationFolder(root, dialect))
      .tables.flatMap((table) => table.checks.map((check) => `${table.name}.${check.columnName}`))
      .sort();
    expect(checked).toEqual(['api_tokens.role', 'role_bindings.role', 'role_bindings.subject_kind']);
  });
});

describe('makeMigration', () => {
  let work = '';
  afterEach(() => {
    if (work) rmSync(work, { recursive: true, force: true });
    work = '';
  });

  /** A copy of the repository's migrations whose snapshots lack the `backups.late` column the entities have. */
  function copyWithoutLateColumn(): (dialect: Dialect) => string {
    work = mkdtempSync(join(tmpdir(), 'fleetback-migrations-'));
    const folderOf = (dialect: Dialect): string => join(work, dialect);
    for (const dialect of dialects) {
      cpSync(migrationFolder(root, dialect), folderOf(dialect), { recursive: true });
      const snapshot = readSnapshot(folderOf(dialect));
      const backups = snapshot.tables.find((table) => table.name === 'backups');
      if (!backups) throw new Error('the snapshot has no backups table');
      delete backups.columns.late;
      writeFileSync(join(folderOf(dialect), `${snapshotName}.json`), JSON.stringify(snapshot, null, 2));
    }
    return folderOf;
  }

  it('writes no migration when the entities match the snapshots', async () => {
    work = mkdtempSync(join(tmpdir(), 'fleetback-migrations-'));
    for (const dialect of dialects) cpSync(migrationFolder(root, dialect), join(work, dialect), { recursive: true });
    expect(await makeMigration(root, undefined, (dialect) => join(work, dialect))).toEqual([]);
  });

  it('writes each dialect the migration of an entity change, lists it and moves the snapshot on', async () => {
    const folderOf = copyWithoutLateColumn();
    const written = await makeMigration(root, 'AddLate', folderOf);

    expect(written).toHaveLength(dialects.length);
    for (const [i, dialect] of dialects.entries()) {
      const file = written[i] ?? '';
      expect(file.startsWith(folderOf(dialect))).toBe(true);
      const code = readFileSync(file, 'utf8');
      expect(code).toMatch(/alter table \\?[`"]backups\\?[`"] add (column )?\\?[`"]late\\?[`"]/);
      const name = /(Migration\d{14}_AddLate)\.ts$/.exec(file)?.[1] ?? '';
      expect(readFileSync(join(folderOf(dialect), 'index.ts'), 'utf8')).toContain(`{ name: '${name}', class: ${name} }`);
    }
    // The snapshots now include the change, so a second run finds nothing to do.
    expect(await makeMigration(root, undefined, folderOf)).toEqual([]);
  });

  it('writes a SQLite table rebuild that runs and leaves exactly the schema the entities describe', async () => {
    // Inside the repository, so the generated file resolves `@mikro-orm/migrations` as a real one would.
    mkdirSync(join(root, '.cache'), { recursive: true });
    work = mkdtempSync(join(root, '.cache', 'migrations-'));
    for (const dialect of dialects) cpSync(migrationFolder(root, dialect), join(work, dialect), { recursive: true });
    const folder = join(work, 'sqlite');
    // A snapshot where `backups.late` is nullable: making it not null is a change SQLite can only do by rebuilding.
    const snapshot = readSnapshot(folder);
    const late = snapshot.tables.find((table) => table.name === 'backups')?.columns.late as { nullable: boolean };
    late.nullable = true;
    writeFileSync(join(folder, `${snapshotName}.json`), JSON.stringify(snapshot, null, 2));

    const checkedIn = (await import(join(migrationFolder(root, 'sqlite'), 'index.ts'))) as { sqliteMigrations: unknown[] };
    const written = await makeMigration(root, 'LateNotNull', (dialect) => join(work, dialect));
    expect(written).toHaveLength(1);
    expect(readFileSync(written[0] ?? '', 'utf8')).toContain('__temp_alter');

    const { sqliteMigrations } = (await import(join(folder, 'index.ts'))) as {
      sqliteMigrations: NonNullable<NonNullable<Options['migrations']>['migrationsList']>;
    };
    // Every checked-in migration, then the new one.
    expect(sqliteMigrations).toHaveLength(checkedIn.sqliteMigrations.length + 1);
    const orm = await MikroORM.init({
      ...ormOptions({ dataDir: '', sqliteFile: ':memory:' }),
      migrations: { migrationsList: sqliteMigrations, silent: true, snapshot: false },
    });
    try {
      await orm.migrator.up();
      expect(await orm.schema.getUpdateSchemaSQL({ wrap: false })).toBe('');
    } finally {
      await orm.close();
    }
  });
});
