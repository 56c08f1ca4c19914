import { Field, ID, ObjectType } from 'type-graphql';
import { connectionOf } from '../graphql/Connection.ts';
import type { UserRow } from './UserEntity.ts';

@ObjectType({
  description:
    'Someone who has signed in through OIDC, as last seen. A tenant admin sees only what its bindings reach: the ' +
    'subject and the bound groups; email, other groups and sign-in times are for hub administrators.',
})
export class User {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { description: "The OIDC `sub`; what a user role binding names." })
  subject!: string;

  @Field(() => String, { nullable: true, description: 'Null when listed for a tenant.' })
  email!: string | null;

  @Field(() => [String], {
    description: "Groups at the last sign-in; listed for a tenant, only those the tenant's bindings name.",
  })
  groups!: string[];

  @Field(() => Date, { nullable: true, description: 'Null when listed for a tenant.' })
  firstSeenAt!: Date | null;

  @Field(() => Date, { nullable: true, description: 'Accurate to about a minute; null when listed for a tenant.' })
  lastSeenAt!: Date | null;

  static from(row: UserRow): User {
    return Object.assign(new User(), row);
  }

  /**
   * The user as a tenant's admin may see them: the subject and the groups the tenant's bindings name. The
   * directory is shared by every tenant, and a binding of a group (any group name can be bound) must not
   * reveal who its members are beyond that, nor what else they belong to.
   */
  static reachedBy(row: UserRow, boundGroups: ReadonlySet<string>): User {
    return Object.assign(new User(), {
      id: row.id,
      subject: row.subject,
      email: null,
      groups: row.groups.filter((g) => boundGroups.has(g)),
      firstSeenAt: null,
      lastSeenAt: null,
    });
  }
}

export const UserConnection = connectionOf(User, 'User');
