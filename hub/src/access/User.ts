import { Field, ID, ObjectType } from 'type-graphql';
import { connectionOf } from '../graphql/Connection.ts';
import type { UserRow } from './UserEntity.ts';

@ObjectType({ description: 'Someone who has signed in through OIDC, as last seen.' })
export class User {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { description: "The OIDC `sub`; what a user role binding names." })
  subject!: string;

  @Field(() => String, { nullable: true })
  email!: string | null;

  @Field(() => [String], { description: 'Groups at the last sign-in.' })
  groups!: string[];

  @Field(() => Date)
  firstSeenAt!: Date;

  @Field(() => Date, { description: 'Accurate to about a minute.' })
  lastSeenAt!: Date;

  static from(row: UserRow): User {
    return Object.assign(new User(), row);
  }
}

export const UserConnection = connectionOf(User, 'User');
