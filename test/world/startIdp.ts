import { generateKeyPair, type JsonWebKey, randomBytes } from 'node:crypto';
import { createWriteStream, readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { createProvider } from './idp/createProvider.ts';
import { handleInteraction } from './idp/handleInteraction.ts';
import { testUsers } from './idp/testUsers.ts';
import type { PeerHandle } from './PeerHandle.ts';
import type { IdpInfo } from './WorldInfo.ts';
import { waitFor } from './waitFor.ts';

// Events oidc-provider emits as (ctx, error); logging them is the only way to see why a flow was refused.
const errorEvents = [
  'server_error',
  'authorization.error',
  'grant.error',
  'introspection.error',
  'revocation.error',
  'userinfo.error',
  'jwks.error',
  'discovery.error',
];

/**
 * Starts a real OpenID Connect provider (oidc-provider) in this process on a free 127.0.0.1 port, with fresh
 * RS256 signing keys, the users of `testUsers` and one confidential client. Its requests and errors go to
 * `idp.log` in `logDir`.
 */
export async function startIdp(options: { logDir: string }): Promise<PeerHandle<IdpInfo>> {
  const logFile = join(options.logDir, 'idp.log');
  const log = createWriteStream(logFile);
  const signingKey = await generateSigningKey();

  // The issuer names the port, so the provider is made once the server listens; until then it answers 503.
  let handler: ((req: IncomingMessage, res: ServerResponse) => Promise<void>) | undefined;
  const server = createServer((req, res) => {
    res.on('finish', () => log.write(`${req.method} ${req.url} -> ${res.statusCode}\n`));
    if (!handler) {
      res.writeHead(503).end();
      return;
    }
    handler(req, res).catch((error: unknown) => {
      log.write(`unhandled: ${error instanceof Error ? error.stack : String(error)}\n`);
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;

  const info: IdpInfo = {
    issuer: `http://127.0.0.1:${port}`,
    clientId: 'fleetback-hub',
    clientSecret: randomBytes(24).toString('base64url'),
    redirectUri: 'http://127.0.0.1/callback',
    consoleClientId: 'fleetback-console',
    consoleRedirectUri: 'http://127.0.0.1/signin/callback',
    audience: 'urn:fleetback:hub',
    scope: 'openid email profile groups offline_access api',
    groupsClaim: 'groups',
    users: testUsers.map((u) => ({ ...u, groups: [...u.groups] })),
    signingKey: { ...signingKey },
  };
  const provider = createProvider(info, signingKey);
  for (const event of errorEvents) {
    provider.on(event, (_ctx, error) => log.write(`${event}: ${error.name}: ${error.message}\n`));
  }
  const callback = provider.callback();
  handler = async (req, res) => {
    if (!(await handleInteraction(provider, info.users, req, res))) await callback(req, res);
  };

  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await new Promise<void>((resolve) => log.end(resolve));
  };
  try {
    await waitFor(async () => (await fetch(`${info.issuer}/.well-known/openid-configuration`)).ok, {
      what: 'the OIDC provider discovery document',
      timeoutMs: 10_000,
    });
  } catch (error) {
    await stop();
    throw error;
  }
  return {
    info,
    stop,
    logTails: () => `----- idp.log -----\n${tail(logFile)}`,
  };
}

async function generateSigningKey(): Promise<JsonWebKey> {
  const { privateKey } = await promisify(generateKeyPair)('rsa', { modulusLength: 2048 });
  return {
    ...privateKey.export({ format: 'jwk' }),
    kid: randomBytes(8).toString('hex'),
    use: 'sig',
    alg: 'RS256',
  };
}

function tail(file: string, lines = 40): string {
  try {
    return readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}
