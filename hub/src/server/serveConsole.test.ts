import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultConsoleDir, serveConsole } from './serveConsole.ts';

async function listen(directory: string): Promise<{ url: string; server: Server }> {
  const app = express();
  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.use('/graphql', (_req, res) => {
    res.json({ data: null });
  });
  app.use(serveConsole({ directory, oidcIssuer: 'http://127.0.0.1:9999/realm' }));
  const server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

describe('serveConsole', () => {
  const built = mkdtempSync(join(tmpdir(), 'fleetback-console-'));
  mkdirSync(join(built, 'assets'));
  writeFileSync(join(built, 'index.html'), '<!doctype html><title>console</title>');
  writeFileSync(join(built, 'assets', 'index-abc.js'), 'console.log(1)');
  writeFileSync(join(built, 'assets', 'index-abc.js.map'), '{"sources":["secret.tsx"]}');
  let hub: { url: string; server: Server };
  let bare: { url: string; server: Server };
  beforeAll(async () => {
    hub = await listen(built);
    bare = await listen(join(built, 'not-built'));
  });
  afterAll(() => {
    hub.server.close();
    bare.server.close();
  });

  it('does not publish a source map left in the build directory', async () => {
    const response = await fetch(`${hub.url}/assets/index-abc.js.map`);
    expect(response.status).toBe(404);
    expect(await response.text()).not.toContain('secret.tsx');
  });

  it('serves index.html at / and at every console route, never cached, with a strict policy', async () => {
    for (const path of ['/', '/fleet', '/backups/b-1', '/signin/callback?code=x&state=y']) {
      const response = await fetch(`${hub.url}${path}`);
      expect(response.status).toBe(200);
      expect(await response.text()).toContain('<title>console</title>');
      expect(response.headers.get('cache-control')).toBe('no-cache');
      expect(response.headers.get('referrer-policy')).toBe('no-referrer');
      expect(response.headers.get('content-security-policy')).toContain(
        "connect-src 'self' http://127.0.0.1:9999",
      );
    }
  });

  it('serves hashed assets for good, and a missing one as 404 rather than the page', async () => {
    const asset = await fetch(`${hub.url}/assets/index-abc.js`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get('cache-control')).toContain('immutable');
    expect((await fetch(`${hub.url}/assets/gone.js`)).status).toBe(404);
  });

  it("leaves the API's paths to the API, unknown ones included", async () => {
    expect(await (await fetch(`${hub.url}/healthz`)).json()).toEqual({ status: 'ok' });
    expect(await (await fetch(`${hub.url}/graphql`)).json()).toEqual({ data: null });
    for (const path of ['/metrics', '/agent', '/readyz/extra']) {
      const response = await fetch(`${hub.url}${path}`);
      expect(response.status).toBe(404);
      expect(await response.text()).not.toContain('<title>console</title>');
    }
    expect((await fetch(`${hub.url}/fleet`, { method: 'POST' })).status).toBe(404);
  });

  it('says how to build the console when it was not built', async () => {
    const response = await fetch(`${bare.url}/fleet`);
    expect(response.status).toBe(503);
    expect(await response.text()).toContain('npm run build');
  });

  it("finds this checkout's hub/console/dist", () => {
    expect(defaultConsoleDir()).toBe(join(import.meta.dirname, '../../console/dist'));
  });
});
