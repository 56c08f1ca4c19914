import { Migration20261123000000Initial } from './Migration20261123000000Initial.ts';

/** The postgresql migrations in order; each runs once, recorded in `mikro_orm_migrations`. */
export const postgresqlMigrations = [
  { name: 'Migration20261123000000Initial', class: Migration20261123000000Initial },
];
