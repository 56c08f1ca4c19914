import { Migration } from '@mikro-orm/migrations';

export class Migration20261207204050_AddRepositoryKeys extends Migration {

  override name = 'Migration20261207204050_AddRepositoryKeys';

  override up(): void | Promise<void> {
    this.addSql(`alter table "backup_locations" add "sealed_repository_key" text null, add "sealed_pending_repository_key" text null;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "backup_locations" drop column "sealed_repository_key", drop column "sealed_pending_repository_key";`);
  }

}
