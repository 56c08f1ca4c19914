import type { ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { type HubProcess, listeningUrl, runHubProcess } from '../kit/runHubProcess.ts';
import { freshDatabase } from '../kit/startTestHub.ts';

const world = inject('world');
const running: ChildProcess[] = [];
afterEach(() => {
  for (const child of running.splice(0)) child.kill('SIGKILL');
});

function runHub(env: NodeJS.ProcessEnv, args: string[] = []): HubProcess {
  const hub = runHubProcess(env, args);
  running.push(hub.child);
  return hub;
}

describe('the hub process', () => {
  it('stops at start with a message naming a bad setting', async () => {
    const hub = runHub({ FLEETBACK_PORT: 'eighty' });
    expect(await hub.exited).toBe(2);
    expect(hub.output()).toContain("FLEETBACK_PORT: 'eighty' is not a port number");
  });

  it('prints the admin token once, serves health, readiness and metrics, and drains on SIGTERM', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'fleetback-hub-process-'));
    const first = runHub({ FLEETBACK_DATA_DIR: dataDir });
    const url = await listeningUrl(first);
    const token = first.output().match(/fbk_admin_[A-Za-z0-9_-]+/)?.[0];
    expect(token).toBeDefined();

    expect((await fetch(`${url}/healthz`)).status).toBe(200);
    expect(await (await fetch(`${url}/readyz`)).json()).toEqual({ status: 'ready' });
    const me = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: '{ me { kind } }' }),
    });
    expect(await me.json()).toEqual({ data: { me: { kind: 'admin' } } });
    const metrics = await (await fetch(`${url}/metrics`)).text();
    expect(metrics).toContain(
      // Labelled by the root field, never by a name the client chooses.
      'fleetback_hub_graphql_operation_seconds_count{operation="me",outcome="ok"} 1',
    );

    first.child.kill('SIGTERM');
    expect(await first.exited).toBe(0);
    expect(first.output()).toContain('draining in-flight requests');

    const second = runHub({ FLEETBACK_DATA_DIR: dataDir });
    const secondUrl = await listeningUrl(second);
    expect(second.output()).not.toContain('fbk_admin_');
    const again = await fetch(`${secondUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: '{ me { kind } }' }),
    });
    expect(await again.json()).toEqual({ data: { me: { kind: 'admin' } } });
    second.child.kill('SIGTERM');
    expect(await second.exited).toBe(0);
  });

  it('stores no admin token when the first start fails on a busy port, and says why in one line', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'fleetback-hub-process-'));
    const holder = createServer();
    await new Promise<void>((resolve) => holder.listen(0, '127.0.0.1', resolve));
    const busyPort = (holder.address() as { port: number }).port;
    try {
      const failed = runHub({ FLEETBACK_DATA_DIR: dataDir, FLEETBACK_PORT: String(busyPort) });
      expect(await failed.exited).toBe(1);
      expect(failed.output()).toContain(`fleetback hub: cannot listen on 127.0.0.1:${busyPort}: the port is in use`);
      expect(failed.output()).not.toMatch(/^\s+at /m);
      expect(failed.output()).not.toContain('fbk_admin_');
    } finally {
      holder.close();
    }
    const next = runHub({ FLEETBACK_DATA_DIR: dataDir });
    const url = await listeningUrl(next);
    const token = next.output().match(/fbk_admin_[A-Za-z0-9_-]+/)?.[0];
    expect(token).toBeDefined();
    expect(await meAs(url, token as string)).toEqual({ data: { me: { kind: 'admin' } } });
  });

  it.each(world.postgres ? ['sqlite', 'postgresql'] : ['sqlite'])('reset-admin-token replaces a lost admin token next to the %s database', async (database) => {
    const dataDir = mkdtempSync(join(tmpdir(), 'fleetback-hub-process-'));
    const env: NodeJS.ProcessEnv = { FLEETBACK_DATA_DIR: dataDir };
    if (database === 'postgresql') {
      env.FLEETBACK_DATABASE_URL = await freshDatabase(world);
      env.FLEETBACK_MASTER_KEY = randomBytes(32).toString('base64');
    }
    const first = runHub(env);
    const url = await listeningUrl(first);
    const lost = first.output().match(/fbk_admin_[A-Za-z0-9_-]+/)?.[0] as string;

    const reset = runHub(env, ['reset-admin-token']);
    expect(await reset.exited).toBe(0);
    const renewed = reset.output().match(/fbk_admin_[A-Za-z0-9_-]+/)?.[0];
    expect(renewed).toBeDefined();
    expect(renewed).not.toBe(lost);

    expect(await meAs(url, renewed as string)).toEqual({ data: { me: { kind: 'admin' } } });
    const refused = (await meAs(url, lost)) as { errors?: { extensions?: { code?: string } }[] };
    expect(refused.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});

async function meAs(url: string, token: string): Promise<unknown> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: '{ me { kind } }' }),
  });
  return response.json();
}
