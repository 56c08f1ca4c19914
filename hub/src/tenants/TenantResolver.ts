import { Arg, Args, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { authorizeHubAdmin, authorizeWholeTenant } from '../access/authorize.ts';
import { ClusterEntity } from '../clusters/ClusterEntity.ts';
import { ConflictError } from '../errors/errors.ts';
import { PageArgs } from '../graphql/Connection.ts';
import type { HubContext } from '../graphql/HubContext.ts';
import { paginate } from '../graphql/paginate.ts';
import { validateName } from '../graphql/validateName.ts';
import { Tenant, TenantConnection } from './Tenant.ts';
import { TenantEntity } from './TenantEntity.ts';
import { CreateTenantInput, UpdateTenantInput } from './TenantInputs.ts';
import { flushOrConflict } from '../db/flushOrConflict.ts';
import { findVisible } from '../db/findVisible.ts';

@Resolver(() => Tenant)
export class TenantResolver {
  @Query(() => TenantConnection, { description: 'The tenants the caller holds a role in, by name.' })
  tenants(@Args(() => PageArgs) page: PageArgs, @Ctx() { em }: HubContext) {
    return paginate(em, TenantEntity, {}, page, { sortBy: 'name', direction: 'asc' }, Tenant.from);
  }

  @Query(() => Tenant)
  async tenant(@Arg('id', () => ID) id: string, @Ctx() { em }: HubContext): Promise<Tenant> {
    const row = await findVisible(em, TenantEntity, 'Tenant', id);
    return Tenant.from(row);
  }

  @Mutation(() => Tenant, { description: 'Hub administrators only.' })
  async createTenant(
    @Arg('input', () => CreateTenantInput) input: CreateTenantInput,
    @Ctx() { em, principal }: HubContext,
  ): Promise<Tenant> {
    authorizeHubAdmin(principal);
    const name = validateName('input.name', input.name);
    const row = em.create(TenantEntity, { name, displayName: input.displayName?.trim() || name });
    await flushOrConflict(em, `a tenant named '${name}' already exists; choose another name`);
    return Tenant.from(row);
  }

  @Mutation(() => Tenant)
  async updateTenant(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => UpdateTenantInput) input: UpdateTenantInput,
    @Ctx() { em, principal }: HubContext,
  ): Promise<Tenant> {
    const row = await findVisible(em, TenantEntity, 'Tenant', id);
    authorizeWholeTenant(principal, 'administer', id, 'changing the tenant');
    row.displayName = input.displayName.trim() || row.name;
    await em.flush();
    return Tenant.from(row);
  }

  @Mutation(() => ID, {
    description:
      "Hub administrators only; the tenant must have no clusters left. Everything else it owns in the hub (role bindings, API tokens, credentials, locations, policies, rules, its catalog of backups and its restore and job history) is deleted with it; the data in its locations is not touched.",
  })
  async deleteTenant(@Arg('id', () => ID) id: string, @Ctx() { em, principal }: HubContext): Promise<string> {
    authorizeHubAdmin(principal);
    const row = await findVisible(em, TenantEntity, 'Tenant', id);
    const clusters = await em.count(ClusterEntity, { tenantId: id });
    if (clusters > 0) {
      throw new ConflictError(`tenant '${row.name}' still has ${clusters} cluster(s); delete them first`);
    }
    // Every row naming the tenant goes with it, by the foreign keys' cascade: nothing is left for a later
    // tenant to inherit, and no row names a tenant that does not exist.
    await em.nativeDelete(TenantEntity, { id });
    return id;
  }
}
