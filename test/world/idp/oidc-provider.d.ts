// oidc-provider ships no types and @types/oidc-provider is not a dependency: this declares only the part of
// its API that the test world's identity provider uses. Replace it with @types/oidc-provider when that is added.
declare module 'oidc-provider' {
  import type { JsonWebKey } from 'node:crypto';
  import type { IncomingMessage, ServerResponse } from 'node:http';

  export interface ProviderContext {
    type: string;
    body: unknown;
    method: string;
    path: string;
  }

  export interface AccountClaims {
    sub: string;
    [claim: string]: unknown;
  }

  export interface Account {
    accountId: string;
    claims(use: string, scope: string): Promise<AccountClaims>;
  }

  export interface ProviderClient {
    clientId: string;
    grantTypeAllowed(grantType: string): boolean;
  }

  /** An issued token as the `extraTokenClaims` hook sees it. */
  export interface ProviderToken {
    kind: string;
    accountId?: string;
    clientId: string;
  }

  export interface ResourceServerInfo {
    audience: string;
    scope: string;
    accessTokenFormat: 'opaque' | 'jwt';
    accessTokenTTL?: number;
    jwt?: { sign: { alg: string } };
  }

  export interface ClientMetadata {
    client_id: string;
    /** Absent for public clients (`token_endpoint_auth_method: 'none'`). */
    client_secret?: string;
    application_type?: 'web' | 'native';
    redirect_uris: string[];
    grant_types: string[];
    response_types: string[];
    token_endpoint_auth_method?: string;
  }

  /** A storage adapter factory; opaque here, as only oidc-provider's own in-memory one is used. */
  export type AdapterFactory = (model: string) => unknown;

  export interface Configuration {
    adapter: AdapterFactory;
    clients: ClientMetadata[];
    jwks: { keys: JsonWebKey[] };
    cookies: { keys: string[] };
    claims: Record<string, string[]>;
    scopes: string[];
    conformIdTokenClaims: boolean;
    findAccount(ctx: ProviderContext, sub: string): Promise<Account | undefined>;
    extraTokenClaims(
      ctx: ProviderContext,
      token: ProviderToken,
    ): Promise<Record<string, unknown> | undefined>;
    issueRefreshToken(ctx: ProviderContext, client: ProviderClient): Promise<boolean>;
    clientBasedCORS(ctx: ProviderContext, origin: string, client: ProviderClient): boolean;
    renderError(ctx: ProviderContext, out: Record<string, string>, error: Error): Promise<void>;
    pkce: { required(ctx: ProviderContext, client: ProviderClient): boolean };
    ttl: Record<string, number>;
    features: {
      devInteractions: { enabled: boolean };
      clientCredentials: { enabled: boolean };
      revocation: { enabled: boolean };
      introspection: { enabled: boolean };
      resourceIndicators: {
        enabled: boolean;
        defaultResource(
          ctx: ProviderContext,
          client: ProviderClient,
          oneOf?: string[],
        ): Promise<string | string[]>;
        useGrantedResource(ctx: ProviderContext, model: unknown): Promise<boolean>;
        getResourceServerInfo(
          ctx: ProviderContext,
          resourceIndicator: string,
          client: ProviderClient,
        ): Promise<ResourceServerInfo>;
      };
    };
  }

  export interface PromptDetails {
    missingOIDCScope?: string[];
    missingOIDCClaims?: string[];
    missingResourceScopes?: Record<string, string[]>;
  }

  export interface Interaction {
    uid: string;
    prompt: { name: string; details: PromptDetails };
    params: Record<string, unknown> & { client_id: string; login_hint?: string };
    session?: { accountId: string };
    grantId?: string;
  }

  export interface InteractionResult {
    login?: { accountId: string };
    consent?: { grantId?: string };
  }

  export class Grant {
    constructor(properties: { accountId: string; clientId: string });
    static find(id: string): Promise<Grant | undefined>;
    addOIDCScope(scope: string): void;
    addOIDCClaims(claims: string[]): void;
    addResourceScope(resource: string, scope: string): void;
    save(): Promise<string>;
  }

  export const errors: {
    InvalidTarget: new (description?: string) => Error;
  };

  export class Provider {
    constructor(issuer: string, configuration: Partial<Configuration>);
    readonly issuer: string;
    readonly Grant: typeof Grant;
    callback(): (req: IncomingMessage, res: ServerResponse) => Promise<void>;
    interactionDetails(req: IncomingMessage, res: ServerResponse): Promise<Interaction>;
    interactionFinished(
      req: IncomingMessage,
      res: ServerResponse,
      result: InteractionResult,
      options?: { mergeWithLastSubmission?: boolean },
    ): Promise<void>;
    on(event: string, listener: (ctx: ProviderContext, error: Error) => void): this;
  }
}

declare module 'oidc-provider/lib/adapters/memory_adapter.js' {
  import type { AdapterFactory } from 'oidc-provider';

  export function createMemoryAdapter(clockTolerance?: number): AdapterFactory;
}
