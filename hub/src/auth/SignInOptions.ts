import { Field, ObjectType } from 'type-graphql';

/** How to sign in to this hub, as the hub's settings say; the values the `signInOptions` query returns. */
export interface SignInSettings {
  oidcIssuer: string | undefined;
  oidcAudience: string | undefined;
  oidcConsoleClientId: string | undefined;
  oidcConsoleScopes: string;
}

@ObjectType({
  description:
    'How a person signs in to this hub. Readable without a token: it holds only what any sign-in page shows.',
})
export class SignInOptions {
  @Field(() => String, {
    nullable: true,
    description: 'The OIDC issuer whose tokens the hub accepts; none in built-in mode (sign in with a token).',
  })
  oidcIssuer!: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      "The console's client id at the issuer (a public client using PKCE); none when the console offers token sign-in only.",
  })
  oidcClientId!: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      'The audience (`aud`) access tokens must carry; the console asks for it as the resource (RFC 8707).',
  })
  oidcAudience!: string | null;

  @Field(() => String, { nullable: true, description: 'Space-separated scopes the console asks for.' })
  oidcScopes!: string | null;

  static from(settings: SignInSettings): SignInOptions {
    const issuer = settings.oidcIssuer ?? null;
    const clientId = issuer ? (settings.oidcConsoleClientId ?? null) : null;
    return Object.assign(new SignInOptions(), {
      oidcIssuer: issuer,
      oidcClientId: clientId,
      oidcAudience: issuer ? (settings.oidcAudience ?? null) : null,
      oidcScopes: clientId ? settings.oidcConsoleScopes : null,
    });
  }
}
