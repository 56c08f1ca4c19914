import { type JsonWebKey, randomBytes } from 'node:crypto';
import { errors, Provider } from 'oidc-provider';
import { createMemoryAdapter } from 'oidc-provider/lib/adapters/memory_adapter.js';
import type { IdpInfo, IdpUser } from '../WorldInfo.ts';

/**
 * Configures oidc-provider as the test world's identity provider: one confidential client, one public client
 * for the web console (authorization code with PKCE from the browser, no secret), the users of
 * `info`, a `groups` claim in ID and access tokens, and JWT access tokens for `info.audience`. Login is left
 * to `handleInteraction`; consent is granted there without asking.
 */
export function createProvider(info: IdpInfo, signingKey: JsonWebKey): Provider {
  const userBySub = new Map(info.users.map((u) => [u.sub, u]));
  const userClaims = (user: IdpUser) => ({
    email: user.email,
    email_verified: true,
    name: user.username,
    preferred_username: user.username,
    [info.groupsClaim]: user.groups,
  });

  return new Provider(info.issuer, {
    // The default adapter is this same store, but naming it keeps oidc-provider from warning that state is
    // lost on restart, which is what a test world wants.
    adapter: createMemoryAdapter(),
    clients: [
      {
        client_id: info.clientId,
        client_secret: info.clientSecret,
        // 'native' makes the redirect URI match on any loopback port, so a hub started later on a port of its
        // own can use this client without registering anything.
        application_type: 'native',
        redirect_uris: [info.redirectUri],
        grant_types: ['authorization_code', 'refresh_token', 'client_credentials'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_basic',
      },
      {
        // The console signs in from the browser, where no secret can be kept: PKCE (required below) stands for it.
        client_id: info.consoleClientId,
        application_type: 'native',
        redirect_uris: [info.consoleRedirectUri],
        grant_types: ['authorization_code'],
        response_types: ['code'],
        token_endpoint_auth_method: 'none',
      },
    ],
    jwks: { keys: [signingKey] },
    cookies: { keys: [randomBytes(32).toString('base64url')] },
    claims: {
      openid: ['sub'],
      email: ['email', 'email_verified'],
      profile: ['name', 'preferred_username'],
      groups: [info.groupsClaim],
    },
    scopes: ['openid', 'offline_access', 'email', 'profile', 'groups'],
    // Relying parties read identity from the ID token; the default keeps scope claims for userinfo only.
    conformIdTokenClaims: false,
    async findAccount(_ctx, sub) {
      const user = userBySub.get(sub);
      if (!user) return undefined;
      return { accountId: sub, claims: async () => ({ sub, ...userClaims(user) }) };
    },
    async extraTokenClaims(_ctx, token) {
      const user = token.accountId ? userBySub.get(token.accountId) : undefined;
      if (token.kind !== 'AccessToken' || !user) return undefined;
      return userClaims(user);
    },
    // Every sign-in gets a refresh token, without the offline_access + prompt=consent ceremony.
    issueRefreshToken: async (_ctx, client) => client.grantTypeAllowed('refresh_token'),
    clientBasedCORS: () => true,
    pkce: { required: () => true },
    async renderError(ctx, out) {
      ctx.type = 'text/plain; charset=utf-8';
      ctx.body = Object.entries(out)
        .map(([key, value]) => `${key}: ${value}`)
        .join('\n');
    },
    ttl: {
      AccessToken: 3600,
      AuthorizationCode: 600,
      ClientCredentials: 3600,
      Grant: 86_400,
      IdToken: 3600,
      Interaction: 3600,
      RefreshToken: 86_400,
      Session: 86_400,
    },
    features: {
      devInteractions: { enabled: false },
      clientCredentials: { enabled: true },
      revocation: { enabled: true },
      introspection: { enabled: true },
      resourceIndicators: {
        enabled: true,
        defaultResource: async () => info.audience,
        // Without this, a code exchanged with scope openid and no resource parameter yields an opaque token.
        useGrantedResource: async () => true,
        async getResourceServerInfo(_ctx, resourceIndicator) {
          if (resourceIndicator !== info.audience) throw new errors.InvalidTarget();
          return {
            audience: info.audience,
            scope: 'api',
            accessTokenFormat: 'jwt',
            accessTokenTTL: 3600,
            jwt: { sign: { alg: 'RS256' } },
          };
        },
      },
    },
  });
}
