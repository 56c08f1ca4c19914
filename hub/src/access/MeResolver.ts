import { Ctx, Query, Resolver } from 'type-graphql';
import { describePrincipal } from '../auth/Principal.ts';
import type { HubContext } from '../graphql/HubContext.ts';
import { Me, MyGrant } from './Me.ts';
import type { RoleName } from './RoleBinding.ts';

@Resolver(() => Me)
export class MeResolver {
  @Query(() => Me, { description: 'Who the caller is and which roles it holds; the console starts here.' })
  me(@Ctx() { principal }: HubContext): Me {
    const grants = principal.kind === 'admin' ? [] : principal.grants;
    return Object.assign(new Me(), {
      kind: principal.kind,
      name: describePrincipal(principal),
      groups: principal.kind === 'user' ? principal.groups : principal.kind === 'admin' ? (principal.user?.groups ?? []) : [],
      hubAdmin: principal.kind === 'admin',
      grants: grants.map((g) => Object.assign(new MyGrant(), { ...g, role: g.role as RoleName })),
    });
  }
}
