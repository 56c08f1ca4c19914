import { Ctx, Query, Resolver } from 'type-graphql';
import type { HubContext } from '../graphql/HubContext.ts';
import { SignInOptions } from './SignInOptions.ts';

@Resolver(() => SignInOptions)
export class SignInOptionsResolver {
  @Query(() => SignInOptions, {
    description:
      'How to sign in (OIDC issuer and console client, or token sign-in). The one field callers without a token may ask for, alone in its query.',
  })
  signInOptions(@Ctx() { signIn }: HubContext): SignInOptions {
    return SignInOptions.from(signIn);
  }
}
