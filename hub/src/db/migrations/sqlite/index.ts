import { Migration20261123000000Initial } from './Migration20261123000000Initial.ts';
import { Migration20261207204050_AddRepositoryKeys } from './Migration20261207204050_AddRepositoryKeys.ts';

/** The sqlite migrations in order; each runs once, recorded in `mikro_orm_migrations`. */
export const sqliteMigrations = [
  { name: 'Migration20261123000000Initial', class: Migration20261123000000Initial },
  { name: 'Migration20261207204050_AddRepositoryKeys', class: Migration20261207204050_AddRepositoryKeys },
];
