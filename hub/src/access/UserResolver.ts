import type { FilterQuery } from '@mikro-orm/core';
import { Arg, Args, Ctx, ID, Query, Resolver } from 'type-graphql';
import { PageArgs } from '../graphql/Connection.ts';
import type { HubContext } from '../graphql/HubContext.ts';
import { paginate } from '../graphql/paginate.ts';
import { authorize, authorizeHubAdmin } from './authorize.ts';
import { grantableWhere } from './grantableWhere.ts';
import { RoleBindingEntity } from './RoleBindingEntity.ts';
import { User, UserConnection } from './User.ts';
import { UserEntity, type UserRow } from './UserEntity.ts';

@Resolver(() => User)
export class UserResolver {
  @Query(() => UserConnection, {
    description:
      "Users who have signed in. With `tenantId` (tenant admins): those the tenant's role bindings the caller " +
      'could have made reach, by subject or by a group they had at their last sign-in, showing only the subject ' +
      'and the bound groups. Without it: everyone, in full (hub administrators only).',
  })
  async users(
    @Arg('tenantId', () => ID, { nullable: true }) tenantId: string | null,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() { em, principal }: HubContext,
  ) {
    if (!tenantId) {
      authorizeHubAdmin(principal);
      return paginate(em, UserEntity, {}, page, { sortBy: 'subject', direction: 'asc' }, User.from);
    }
    authorize(principal, 'administer', { tenantId });
    // Only the bindings the caller could have made itself: a narrowed admin learns of no one else's.
    const bindings = await em.find(RoleBindingEntity, await grantableWhere(em, principal, RoleBindingEntity, tenantId));
    const subjects = bindings.filter((b) => b.subjectKind === 'user').map((b) => b.subject);
    const groups = new Set(bindings.filter((b) => b.subjectKind === 'group').map((b) => b.subject));
    // Group membership lives in a JSON column that SQLite and PostgreSQL query differently; the users
    // table holds people, not objects, so matching their groups here stays small.
    const byGroup = groups.size
      ? (await em.find(UserEntity, {}, { fields: ['subject', 'groups'] }))
          .filter((u) => u.groups.some((g) => groups.has(g)))
          .map((u) => u.subject)
      : [];
    const where: FilterQuery<UserRow> = { subject: { $in: [...new Set([...subjects, ...byGroup])] } };
    const toNode = principal.kind === 'admin' ? User.from : (row: UserRow) => User.reachedBy(row, groups);
    return paginate(em, UserEntity, where, page, { sortBy: 'subject', direction: 'asc' }, toNode);
  }
}
