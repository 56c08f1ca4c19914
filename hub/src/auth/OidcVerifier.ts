import { createRemoteJWKSet, errors, type JWTPayload, type JWTVerifyGetKey, jwtVerify } from 'jose';
import { UnauthenticatedError } from '../errors/errors.ts';

/** Asymmetric algorithms only: `none` and HMAC (where a public key could be misused as a secret) never pass. */
export const allowedAlgorithms = [
  'RS256',
  'RS384',
  'RS512',
  'PS256',
  'PS384',
  'PS512',
  'ES256',
  'ES384',
  'EdDSA',
];

export interface OidcIdentity {
  subject: string;
  email: string | undefined;
  groups: string[];
  /** The token's `exp`. */
  expiresAt: Date;
}

export interface OidcSettings {
  issuer: string;
  audience: string;
  groupsClaim: string;
  /** The longest a token may be valid, from its `iat` (or from now when it has none). */
  maxLifetimeSeconds: number;
}

const clockToleranceSeconds = 30;

/**
 * Verifies bearer JWTs from the configured OIDC issuer. Discovery runs on first use (and again after a
 * failure), so the hub starts while its IdP is down. The JWKS is cached and fetched again when a token names
 * an unknown `kid`, which is how key rotation reaches us.
 */
export class OidcVerifier {
  private keys: Promise<JWTVerifyGetKey> | undefined;

  constructor(private readonly settings: OidcSettings) {}

  async verify(token: string): Promise<OidcIdentity> {
    const keys = await this.jwks();
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, keys, {
        issuer: this.settings.issuer,
        audience: this.settings.audience,
        algorithms: allowedAlgorithms,
        clockTolerance: clockToleranceSeconds,
        requiredClaims: ['sub', 'exp'],
      }));
    } catch (error) {
      throw new UnauthenticatedError(`the bearer token was rejected: ${reasonOf(error)}; sign in again`, {
        cause: error,
      });
    }
    const subject = checkLifetimeAndSubject(payload, this.settings.maxLifetimeSeconds);
    const groups = payload[this.settings.groupsClaim];
    const email = payload.email;
    return {
      subject,
      expiresAt: new Date((payload.exp as number) * 1000),
      email: typeof email === 'string' ? email : undefined,
      groups: Array.isArray(groups) ? groups.filter((g): g is string => typeof g === 'string') : [],
    };
  }

  private jwks(): Promise<JWTVerifyGetKey> {
    this.keys ??= this.discover().catch((error: unknown) => {
      this.keys = undefined;
      throw new UnauthenticatedError(
        `cannot reach the identity provider at ${this.settings.issuer} to check the token; try again shortly`,
        { cause: error },
      );
    });
    return this.keys;
  }

  private async discover(): Promise<JWTVerifyGetKey> {
    const base = this.settings.issuer.replace(/\/$/, '');
    const response = await fetch(`${base}/.well-known/openid-configuration`, {
      signal: AbortSignal.timeout(10_000),
    });
    if (!response.ok) throw new Error(`discovery answered HTTP ${response.status}`);
    const document = (await response.json()) as { issuer?: unknown; jwks_uri?: unknown };
    if (document.issuer !== this.settings.issuer) {
      throw new Error(`discovery names issuer ${String(document.issuer)}, not ${this.settings.issuer}`);
    }
    if (typeof document.jwks_uri !== 'string') throw new Error('discovery document has no jwks_uri');
    return createRemoteJWKSet(new URL(document.jwks_uri), { cooldownDuration: 30_000, cacheMaxAge: 600_000 });
  }
}

/**
 * What jose leaves to us: a token valid for longer than the configured maximum (a stolen one would stay
 * useful for years), issued in the future, or naming no subject (every grant and user record hangs on it)
 * is refused. Returns the subject.
 */
function checkLifetimeAndSubject(payload: JWTPayload, maxLifetimeSeconds: number): string {
  const refuse = (reason: string) =>
    new UnauthenticatedError(`the bearer token was rejected: ${reason}; sign in again`);
  const now = Math.floor(Date.now() / 1000);
  const exp = payload.exp as number;
  const iat = payload.iat;
  if (iat !== undefined && iat > now + clockToleranceSeconds) throw refuse("claim 'iat' lies in the future");
  if (exp - Math.min(iat ?? now, now) > maxLifetimeSeconds + clockToleranceSeconds) {
    throw refuse(`it is valid for longer than the hub allows (${maxLifetimeSeconds} s)`);
  }
  const subject = payload.sub;
  if (typeof subject !== 'string' || subject.trim() === '' || subject.length > 255) {
    throw refuse("claim 'sub' must be a non-empty string of at most 255 characters");
  }
  return subject;
}

function reasonOf(error: unknown): string {
  if (error instanceof errors.JWTExpired) return 'it has expired';
  if (error instanceof errors.JWTClaimValidationFailed)
    return `claim '${error.claim}' is not acceptable (${error.reason})`;
  if (error instanceof errors.JOSEAlgNotAllowed) return 'its signing algorithm is not allowed';
  if (error instanceof errors.JWKSNoMatchingKey)
    return 'it is signed with a key the identity provider does not publish';
  if (error instanceof errors.JWSSignatureVerificationFailed) return 'its signature is invalid';
  if (error instanceof errors.JOSEError) return 'it is not a valid JWT';
  return 'it could not be verified';
}
