import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import express, { type Request, type RequestHandler, type Response, Router } from 'express';

/** Paths the hub's API owns: the console's fallback never answers them, so they keep their own 404s. */
export const apiPaths: readonly string[] = ['/graphql', '/agent', '/healthz', '/readyz', '/metrics'];

export interface ServeConsoleOptions {
  /** The console's build output: `index.html` and hashed files under `assets/`. */
  directory: string;
  /** The OIDC issuer, whose discovery and token endpoints the console calls from the browser. */
  oidcIssuer: string | undefined;
}

/**
 * The checkout's `hub/console/dist`, found from this file whether it runs from source (`hub/src/server/`) or
 * compiled (`dist/hub/src/server/`): the nearest ancestor holding the console's sources.
 */
export function defaultConsoleDir(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(join(dir, 'hub', 'console', 'index.html'))) return join(dir, 'hub', 'console', 'dist');
    const parent = dirname(dir);
    if (parent === dir) return join(dirname(fileURLToPath(import.meta.url)), 'console-not-found');
    dir = parent;
  }
}

function isApiPath(path: string): boolean {
  return apiPaths.some((p) => path === p || path.startsWith(`${p}/`));
}

/**
 * Serves the web console: its hashed assets (cached for good) and, for any other GET of a path the API does
 * not own, `index.html`, so the console's own routes (`/fleet`, `/signin/callback`, …) load it too. When the
 * console was not built, that page says how to build it instead. Mount it after the API's routes.
 */
export function serveConsole(options: ServeConsoleOptions): RequestHandler {
  const router = Router();
  const index = join(options.directory, 'index.html');
  const issuerOrigin = options.oidcIssuer ? new URL(options.oidcIssuer).origin : '';
  // The console runs only its own bundle and speaks only to the hub and the identity provider.
  const policy = [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    `connect-src 'self' ${issuerOrigin}`.trim(),
    "frame-ancestors 'none'",
    "base-uri 'self'",
    "form-action 'self'",
  ].join('; ');
  const secure = (res: Response) => {
    res.set({
      'content-security-policy': policy,
      'x-content-type-options': 'nosniff',
      // The sign-in callback's URL carries an authorization code: it must not travel on as a referrer.
      'referrer-policy': 'no-referrer',
    });
  };

  // Source maps are not built; one left in an older build directory is not published either.
  router.use('/assets', (req: Request, res: Response, next) => {
    if (req.path.endsWith('.map')) res.status(404).json({ error: 'not found' });
    else next();
  });
  router.use(
    '/assets',
    express.static(join(options.directory, 'assets'), {
      immutable: true,
      maxAge: '365d',
      index: false,
      fallthrough: false,
      setHeaders: (res) => secure(res as Response),
    }),
  );
  router.use((req: Request, res: Response, next) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || isApiPath(req.path)) {
      next();
      return;
    }
    secure(res);
    res.set('cache-control', 'no-cache');
    if (!existsSync(index)) {
      res.status(503).type('html').send(notBuiltPage);
      return;
    }
    res.sendFile(index);
  });
  return router;
}

const notBuiltPage = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Fleetback</title></head>
<body>
<h1>The Fleetback console is not built</h1>
<p>The hub is running: its GraphQL API answers at <code>/graphql</code>.</p>
<p>To serve the web console here, build it in the hub's checkout with <code>npm run build</code>
(or only the console with <code>npm run build:console</code>) and reload this page.</p>
</body></html>
`;
