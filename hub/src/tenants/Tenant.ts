import { Field, ID, ObjectType } from 'type-graphql';
import { connectionOf } from '../graphql/Connection.ts';
import type { TenantRow } from './TenantEntity.ts';

@ObjectType({ description: 'An organization; owns clusters, locations, policies, backups and restores.' })
export class Tenant {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { description: 'Unique, DNS-label name.' })
  name!: string;

  @Field(() => String)
  displayName!: string;

  @Field(() => Date)
  createdAt!: Date;

  static from(row: TenantRow): Tenant {
    return Object.assign(new Tenant(), {
      id: row.id,
      name: row.name,
      displayName: row.displayName,
      createdAt: row.createdAt,
    });
  }
}

export const TenantConnection = connectionOf(Tenant, 'Tenant');
