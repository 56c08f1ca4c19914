import { mkdtempSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { CoreV1Api, KubeConfig } from '@kubernetes/client-node';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { FileCredentialStore } from '../../agent/src/link/FileCredentialStore.ts';
import { SecretCredentialStore } from '../../agent/src/link/SecretCredentialStore.ts';
import type { StoredCredential } from '../../agent/src/link/StoredCredential.ts';
import type { ClusterInfo } from '../world/WorldInfo.ts';

// Where the agent keeps its credential: a Secret in its own namespace in-cluster, a private file otherwise.
const world = inject('world');
const [clusterA] = world.clusters as [ClusterInfo];
const namespace = `agent-home-${Date.now().toString(36)}`;
const kc = new KubeConfig();
kc.loadFromFile(clusterA.kubeconfigPath);
const core = kc.makeApiClient(CoreV1Api);

/** A record as enrollment stores it, holding `credential`. */
const record = (credential: string): StoredCredential => ({
  credential,
  hubUrl: 'https://hub.example.com/',
  clusterId: 'c-1',
  clusterName: 'prod-eu',
  tenantId: 't-1',
  enrollmentTokenSha256: 'ab'.repeat(32),
});

describe('credential stores', () => {
  beforeAll(async () => {
    await core.createNamespace({ body: { metadata: { name: namespace } } });
  });
  afterAll(async () => {
    await core.deleteNamespace({ name: namespace });
  });

  it('keeps the credential in a Secret of the agent namespace, and never replaces one another agent stored', async () => {
    const store = new SecretCredentialStore(kc, namespace, 'fleetback-agent-credential');
    expect(await store.load()).toBeUndefined();
    await store.save(record('fbk_agent_first'));
    expect(await new SecretCredentialStore(kc, namespace, 'fleetback-agent-credential').load()).toEqual(record('fbk_agent_first'));
    await expect(store.save(record('fbk_agent_second'))).rejects.toThrow(
      new RegExp(`^another agent stored its credential in Secret ${namespace}/fleetback-agent-credential while this one enrolled as cluster prod-eu \\(c-1\\); that enrollment is lost`),
    );
    expect(await store.load()).toEqual(record('fbk_agent_first'));
    const secret = await core.readNamespacedSecret({ namespace, name: 'fleetback-agent-credential' });
    expect(secret.type).toBe('Opaque');
    expect(secret.metadata?.labels).toEqual({ 'app.kubernetes.io/part-of': 'fleetback' });
    expect(Object.keys(secret.data ?? {})).toEqual(['credential']);
  });

  it('fills a Secret made empty beforehand', async () => {
    await core.createNamespacedSecret({ namespace, body: { metadata: { name: 'made-empty' }, type: 'Opaque' } });
    const store = new SecretCredentialStore(kc, namespace, 'made-empty');
    expect(await store.load()).toBeUndefined();
    await store.save(record('fbk_agent_filled'));
    expect(await store.load()).toEqual(record('fbk_agent_filled'));
  });

  it('keeps the credential in a file only its owner can read, and never replaces one another agent stored', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'fleetback-cred-')), 'nested', 'agent.credential');
    const store = new FileCredentialStore(path);
    expect(await store.load()).toBeUndefined();
    await store.save(record('fbk_agent_file'));
    expect(await store.load()).toEqual(record('fbk_agent_file'));
    expect(statSync(path).mode & 0o777).toBe(0o600);
    await expect(new FileCredentialStore(path).save(record('fbk_agent_other'))).rejects.toThrow(
      new RegExp(`^another agent stored its credential in file ${path} while this one enrolled`),
    );
    expect(await store.load()).toEqual(record('fbk_agent_file'));
    expect(readdirSync(dirname(path))).toEqual(['agent.credential']);
  });
});
