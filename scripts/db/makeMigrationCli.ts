import { makeMigration } from './makeMigration.ts';

/**
 * `npm run db:migration [-- Name]`: generates the migrations of a schema change from the entities.
 * Review the SQL it writes, then commit the migrations, both snapshots and both `index.ts` files together.
 */
const name = process.argv[2];
if (name !== undefined && !/^[A-Za-z]\w*$/.test(name)) {
  throw new Error(`migration name ${JSON.stringify(name)}: use letters, digits and underscores, starting with a letter`);
}
const written = await makeMigration(process.cwd(), name);
console.info(written.length > 0 ? `wrote\n${written.join('\n')}` : 'the entities match the snapshots: no migration');
