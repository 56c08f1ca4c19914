import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HttpMethod, KubeConfig, RequestContext, type User } from '@kubernetes/client-node';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { KubeConnections } from './KubeConnections.ts';

// Nothing here connects: the dispatchers are built, compared and closed, never used.
const dir = mkdtempSync(join(tmpdir(), 'kube-connections-unit-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function kubeConfigWith(user: User, cluster: { caFile?: string } = {}): KubeConfig {
  const config = new KubeConfig();
  config.loadFromClusterAndUser({ name: 'c', server: 'https://127.0.0.1:6443', caFile: cluster.caFile, skipTLSVerify: false }, user);
  return config;
}

async function authenticate(connections: KubeConnections): Promise<RequestContext> {
  const context = new RequestContext('https://127.0.0.1:6443/api', HttpMethod.GET);
  await connections.applySecurityAuthentication(context);
  return context;
}

describe('KubeConnections', () => {
  const caFile = join(dir, 'ca.crt');
  writeFileSync(caFile, 'first CA');

  it('hands every request the same dispatcher and the current headers', async () => {
    const config = kubeConfigWith({ name: 'u', token: 'first' }, { caFile });
    const connections = new KubeConnections(config);
    const a = await authenticate(connections);
    config.users = [{ name: 'u', token: 'second', impersonateUser: 'alice' }];
    const b = await authenticate(connections);
    expect(a.getDispatcher()).toBeDefined();
    expect(b.getDispatcher()).toBe(a.getDispatcher());
    expect(a.getHeaders()).toMatchObject({ Authorization: 'Bearer first' });
    expect(b.getHeaders()).toMatchObject({ Authorization: 'Bearer second', 'Impersonate-User': 'alice' });
    await connections.close();
  });

  it('shares one instance per kubeconfig', () => {
    const config = kubeConfigWith({ name: 'u', token: 't' }, { caFile });
    expect(KubeConnections.of(config)).toBe(KubeConnections.of(config));
    expect(KubeConnections.of(config)).not.toBe(KubeConnections.of(kubeConfigWith({ name: 'u', token: 't' }, { caFile })));
  });

  it('replaces the dispatcher when the TLS material changes on disk, and closes the old one', async () => {
    const rotating = join(dir, 'rotating-ca.crt');
    writeFileSync(rotating, 'old CA');
    const connections = new KubeConnections(kubeConfigWith({ name: 'u', token: 't' }, { caFile: rotating }));
    const before = (await authenticate(connections)).getDispatcher();
    const closed = vi.spyOn(before as NonNullable<typeof before>, 'close');
    writeFileSync(rotating, 'new CA');
    const after = (await authenticate(connections)).getDispatcher();
    expect(after).toBeDefined();
    expect(after).not.toBe(before);
    await vi.waitFor(() => expect(closed).toHaveBeenCalled());
    expect((await authenticate(connections)).getDispatcher()).toBe(after);
    await connections.close();
  });

  it('sends basic auth as client-node does', async () => {
    const connections = new KubeConnections(kubeConfigWith({ name: 'u', username: 'ann', password: 'pw' }, { caFile }));
    const context = await authenticate(connections);
    expect(context.getHeaders()).toMatchObject({ Authorization: `Basic ${Buffer.from('ann:pw').toString('base64')}` });
    await connections.close();
  });

  it("leaves client-node's global dispatcher in place when there are no TLS options", async () => {
    // A server with a publicly trusted certificate and a token: nothing for a dispatcher of its own to hold.
    const connections = new KubeConnections(kubeConfigWith({ name: 'u', token: 't' }));
    const context = await authenticate(connections);
    expect(context.getDispatcher()).toBeUndefined();
    expect(context.getHeaders()).toMatchObject({ Authorization: 'Bearer t' });
  });
});
