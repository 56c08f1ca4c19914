import { Field, ID, ObjectType } from 'type-graphql';
import { connectionOf } from '../graphql/Connection.ts';
import type { RuleRow } from './RuleEntity.ts';
import { RuleSpecType } from './RuleSpecType.ts';

@ObjectType({ description: 'Commands run in pods before (pre) or after (post) a backup.' })
export class Rule {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  tenantId!: string;

  @Field(() => String)
  name!: string;

  @Field(() => RuleSpecType)
  spec!: RuleSpecType;

  @Field(() => Date)
  createdAt!: Date;

  @Field(() => Date)
  updatedAt!: Date;

  static from(row: RuleRow): Rule {
    return Object.assign(new Rule(), {
      id: row.id,
      tenantId: row.tenantId,
      name: row.name,
      spec: RuleSpecType.from(row.spec),
      createdAt: row.createdAt,
      updatedAt: row.updatedAt,
    });
  }
}

export const RuleConnection = connectionOf(Rule, 'Rule');
