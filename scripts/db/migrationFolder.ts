import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { MikroORM, type Options } from '@mikro-orm/core';
import { type Dialect, ormOptions } from '../../hub/src/server/createOrm.ts';

export const dialects = ['sqlite', 'postgresql'] as const satisfies readonly Dialect[];

/** The snapshot the migrator diffs the entities against; kept beside the dialect's migrations. */
export const snapshotName = 'snapshot';

export function migrationFolder(root: string, dialect: Dialect): string {
  return join(root, 'hub/src/db/migrations', dialect);
}

/**
 * An ORM for generating migrations of one dialect, without a database: the migrator compares the entities with
 * the snapshot file, so nothing connects. `folder` defaults to the repository's migrations of that dialect.
 */
export function generatorOrm(root: string, dialect: Dialect, folder = migrationFolder(root, dialect)): MikroORM {
  const options = ormOptions(
    dialect === 'sqlite'
      ? { dataDir: '', sqliteFile: ':memory:' }
      : { databaseUrl: 'postgres://fleetback@127.0.0.1:1/none', dataDir: '' },
  );
  const migrations: Options['migrations'] = {
    path: folder,
    pathTs: folder,
    emit: 'ts',
    snapshot: true,
    snapshotName,
    silent: true,
  };
  return new MikroORM({ ...options, baseDir: root, preferTs: true, migrations });
}

/** Rewrites the folder's `index.ts`: the hub runs the migrations listed there, in name (timestamp) order. */
export function writeMigrationIndex(folder: string, dialect: Dialect): string[] {
  const names = readdirSync(folder)
    .filter((file) => /^Migration\d{14}\w*\.ts$/.test(file))
    .map((file) => file.replace(/\.ts$/, ''))
    .sort();
  const imports = names.map((name) => `import { ${name} } from './${name}.ts';`).join('\n');
  const entries = names.map((name) => `  { name: '${name}', class: ${name} },`).join('\n');
  writeFileSync(
    join(folder, 'index.ts'),
    `${imports}

/** The ${dialect} migrations in order; each runs once, recorded in \`mikro_orm_migrations\`. */
export const ${dialect}Migrations = [
${entries}
];
`,
  );
  return names;
}
