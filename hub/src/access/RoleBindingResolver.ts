import { Arg, Args, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { BadUserInputError } from '../errors/errors.ts';
import { PageArgs } from '../graphql/Connection.ts';
import type { HubContext } from '../graphql/HubContext.ts';
import { paginate } from '../graphql/paginate.ts';
import { authorize } from './authorize.ts';
import { authorizeGrant } from './authorizeGrant.ts';
import { grantableWhere } from './grantableWhere.ts';
import type { Role } from './Role.ts';
import { CreateRoleBindingInput, RoleBinding, RoleBindingConnection } from './RoleBinding.ts';
import { RoleBindingEntity } from './RoleBindingEntity.ts';
import { validateNarrowing } from './validateNarrowing.ts';
import { findVisible } from '../db/findVisible.ts';
import { requireTenant } from '../tenants/requireTenant.ts';

@Resolver(() => RoleBinding)
export class RoleBindingResolver {
  @Query(() => RoleBindingConnection, { description: "A tenant's role bindings; tenant admins only." })
  async roleBindings(
    @Arg('tenantId', () => ID) tenantId: string,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() { em, principal }: HubContext,
  ) {
    authorize(principal, 'administer', { tenantId });
    return paginate(
      em,
      RoleBindingEntity,
      await grantableWhere(em, principal, RoleBindingEntity, tenantId),
      page,
      { sortBy: 'createdAt', direction: 'asc' },
      RoleBinding.from,
    );
  }

  @Mutation(() => RoleBinding)
  async createRoleBinding(
    @Arg('input', () => CreateRoleBindingInput) input: CreateRoleBindingInput,
    @Ctx() { em, principal }: HubContext,
  ): Promise<RoleBinding> {
    authorizeGrant(principal, { ...input, role: input.role as Role });
    await requireTenant(em, input.tenantId);
    const subject = input.subject.trim();
    if (!subject) throw new BadUserInputError('input.subject', 'must not be empty');
    await validateNarrowing(em, input.tenantId, input.clusterIds, input.namespaces);
    const row = em.create(RoleBindingEntity, {
      tenantId: input.tenantId,
      subjectKind: input.subjectKind,
      subject,
      role: input.role,
      clusterIds: input.clusterIds,
      namespaces: input.namespaces,
    });
    await em.flush();
    return RoleBinding.from(row);
  }

  @Mutation(() => ID, { description: 'Takes effect on the subject’s next request.' })
  async deleteRoleBinding(
    @Arg('id', () => ID) id: string,
    @Ctx() { em, principal }: HubContext,
  ): Promise<string> {
    const row = await findVisible(em, RoleBindingEntity, 'RoleBinding', id);
    authorizeGrant(principal, row);
    await em.remove(row).flush();
    return id;
  }
}
