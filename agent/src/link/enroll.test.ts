import { describe, expect, it } from 'vitest';
import { AgentFatalError } from './AgentFatalError.ts';
import type { CredentialStore } from './CredentialStore.ts';
import { enroll } from './enroll.ts';
import type { StoredCredential } from './StoredCredential.ts';

/** A store that keeps what it is given. */
function memoryStore(): CredentialStore & { saved: StoredCredential[] } {
  const saved: StoredCredential[] = [];
  return { saved, description: 'memory', load: async () => saved.at(-1), save: async (stored) => void saved.push(stored) };
}

const answering = (answer: unknown) => ({ request: async () => answer });
const hubUrl = new URL('wss://127.0.0.1:8443/agent');
const complete = { credential: 'cred', clusterId: 'c1', clusterName: 'shop', tenantId: 't1' };

describe('enroll', () => {
  it('stores the credential the hub answers with, bound to the hub and the cluster', async () => {
    const store = memoryStore();
    const stored = await enroll(answering({ enroll: complete }), hubUrl, 'token', store);
    expect(stored).toMatchObject(complete);
    expect(store.saved).toEqual([stored]);
  });

  it('refuses an answer that lacks a field, naming it, and stores nothing', async () => {
    const store = memoryStore();
    const { tenantId: _tenantId, ...withoutTenant } = complete;
    const enrolling = enroll(answering({ enroll: withoutTenant }), hubUrl, 'token', store);
    await expect(enrolling).rejects.toThrow(AgentFatalError);
    await expect(enrolling).rejects.toThrow("the hub's answer to enroll cannot be read (data.enroll.tenantId: must be a non-empty string)");
    expect(store.saved).toEqual([]);
  });

  it('refuses an answer that is not an object', async () => {
    const enrolling = enroll(answering({ enroll: null }), hubUrl, 'token', memoryStore());
    await expect(enrolling).rejects.toThrow("the hub's answer to enroll cannot be read (data.enroll: must be an object)");
  });
});
