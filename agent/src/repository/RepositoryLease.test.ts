import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FilesystemStore } from '../storage/providers/filesystem/FilesystemStore.ts';
import { LeaseHeldError } from './LeaseHeldError.ts';
import { RepositoryKeys } from './RepositoryKeys.ts';
import { RepositoryLease } from './RepositoryLease.ts';
import { repositoryLayout } from './repositoryLayout.ts';
import { sealObject } from './sealObject.ts';

describe('RepositoryLease', () => {
  let base: string;
  let store: FilesystemStore;
  const keys = new RepositoryKeys(RepositoryKeys.createMasterKey());

  beforeEach(async () => {
    base = await mkdtemp(join(tmpdir(), 'fleetback-lease-'));
    store = new FilesystemStore({ kind: 'filesystem', path: base, prefix: 'loc' });
  });
  afterEach(() => rm(base, { recursive: true, force: true }));

  it('gives shared leases to many holders at once', async () => {
    const a = await RepositoryLease.take(store, keys, 'shared');
    const b = await RepositoryLease.take(store, keys, 'shared');
    await a.release();
    await b.release();
  });

  it('refuses an exclusive lease while a shared one is held, and a shared one while an exclusive is, leaving nothing behind', async () => {
    const shared = await RepositoryLease.take(store, keys, 'shared');
    await expect(RepositoryLease.take(store, keys, 'exclusive')).rejects.toBeInstanceOf(LeaseHeldError);
    await shared.release();
    const exclusive = await RepositoryLease.take(store, keys, 'exclusive');
    await expect(RepositoryLease.take(store, keys, 'shared')).rejects.toThrow(/cannot take a shared lease.*exclusive lease/);
    await expect(RepositoryLease.take(store, keys, 'exclusive')).rejects.toBeInstanceOf(LeaseHeldError);
    const leases: string[] = [];
    for await (const key of store.list(repositoryLayout.leases)) leases.push(key);
    expect(leases).toHaveLength(1);
    await exclusive.release();
  });

  it('ignores an expired lease, and counts one that does not open as held', async () => {
    const expired = { kind: 'exclusive', holder: 'a dead prune', expires: new Date(Date.now() - 1000).toISOString() };
    await store.put(repositoryLayout.lease('0'.repeat(32)), sealObject(keys, 'lease', Buffer.from(JSON.stringify(expired))));
    await (await RepositoryLease.take(store, keys, 'exclusive')).release();
    await store.put(repositoryLayout.lease('1'.repeat(32)), Buffer.from('not a lease'));
    await expect(RepositoryLease.take(store, keys, 'shared')).rejects.toThrow(/an unreadable lease/);
  });
});
