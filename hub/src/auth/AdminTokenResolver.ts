import { Ctx, Mutation, Resolver } from 'type-graphql';
import { AdminTokenEntity } from '../access/AdminTokenEntity.ts';
import { authorizeHubAdmin } from '../access/authorize.ts';
import type { HubContext } from '../graphql/HubContext.ts';
import { newSecret } from './secretToken.ts';

/** Rotation of the built-in admin token, which otherwise never expires. */
@Resolver()
export class AdminTokenResolver {
  @Mutation(() => String, {
    description:
      'Replaces the built-in admin token and returns the new one, shown only here; the old one stops working at once. Hub administrators only. OIDC deployments can refuse the token altogether (FLEETBACK_DISABLE_ADMIN_TOKEN).',
  })
  async rotateAdminToken(@Ctx() { em, principal }: HubContext): Promise<string> {
    authorizeHubAdmin(principal);
    const secret = newSecret('fbk_admin');
    await em.transactional(async (tx) => {
      await tx.nativeDelete(AdminTokenEntity, {}, { filters: false });
      tx.create(AdminTokenEntity, { secretHash: secret.hash });
    });
    return secret.token;
  }
}
