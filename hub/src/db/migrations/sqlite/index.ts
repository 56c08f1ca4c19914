import { Migration20261123000000Initial } from './Migration20261123000000Initial.ts';

/** The sqlite migrations in order; each runs once, recorded in `mikro_orm_migrations`. */
export const sqliteMigrations = [
  { name: 'Migration20261123000000Initial', class: Migration20261123000000Initial },
];
