import { Arg, Args, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { describePrincipal } from '../auth/Principal.ts';
import { newSecret } from '../auth/secretToken.ts';
import { BadUserInputError } from '../errors/errors.ts';
import { PageArgs } from '../graphql/Connection.ts';
import type { HubContext } from '../graphql/HubContext.ts';
import { paginate } from '../graphql/paginate.ts';
import { ApiToken, ApiTokenConnection, CreateApiTokenInput, CreatedApiToken } from './ApiToken.ts';
import { ApiTokenEntity } from './ApiTokenEntity.ts';
import { authorize } from './authorize.ts';
import { authorizeGrant } from './authorizeGrant.ts';
import { grantableWhere } from './grantableWhere.ts';
import type { Role } from './Role.ts';
import { validateNarrowing } from './validateNarrowing.ts';
import { findVisible } from '../db/findVisible.ts';
import { requireTenant } from '../tenants/requireTenant.ts';

const day = 24 * 60 * 60 * 1000;

@Resolver(() => ApiToken)
export class ApiTokenResolver {
  @Query(() => ApiTokenConnection, {
    description: "A tenant's API tokens (without secrets); tenant admins only.",
  })
  async apiTokens(
    @Arg('tenantId', () => ID) tenantId: string,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() { em, principal }: HubContext,
  ) {
    authorize(principal, 'administer', { tenantId });
    return paginate(
      em,
      ApiTokenEntity,
      await grantableWhere(em, principal, ApiTokenEntity, tenantId),
      page,
      { sortBy: 'createdAt', direction: 'desc' },
      ApiToken.from,
    );
  }

  @Mutation(() => CreatedApiToken)
  async createApiToken(
    @Arg('input', () => CreateApiTokenInput) input: CreateApiTokenInput,
    @Ctx() { em, principal }: HubContext,
  ): Promise<CreatedApiToken> {
    authorizeGrant(principal, { ...input, role: input.role as Role });
    await requireTenant(em, input.tenantId);
    const name = input.name.trim();
    if (!name || name.length > 100) throw new BadUserInputError('input.name', 'must be 1 to 100 characters');
    const days = input.expiresInDays;
    if (days != null && (!Number.isInteger(days) || days < 1 || days > 3650)) {
      throw new BadUserInputError('input.expiresInDays', 'must be between 1 and 3650');
    }
    await validateNarrowing(em, input.tenantId, input.clusterIds, input.namespaces);
    const secret = newSecret('fbk_api');
    const row = em.create(ApiTokenEntity, {
      tenantId: input.tenantId,
      name,
      role: input.role,
      clusterIds: input.clusterIds,
      namespaces: input.namespaces,
      secretHash: secret.hash,
      hint: secret.hint,
      createdBy: describePrincipal(principal),
      expiresAt: days != null ? new Date(Date.now() + days * day) : null,
      revokedAt: null,
      lastUsedAt: null,
    });
    await em.flush();
    return Object.assign(new CreatedApiToken(), { token: secret.token, apiToken: ApiToken.from(row) });
  }

  @Mutation(() => ApiToken, { description: 'Refused from the next request on.' })
  async revokeApiToken(
    @Arg('id', () => ID) id: string,
    @Ctx() { em, principal }: HubContext,
  ): Promise<ApiToken> {
    const row = await findVisible(em, ApiTokenEntity, 'ApiToken', id);
    authorizeGrant(principal, row);
    row.revokedAt ??= new Date();
    await em.flush();
    return ApiToken.from(row);
  }
}
