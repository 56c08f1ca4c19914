import { hostname } from 'node:os';
import { ObjectNotFoundError } from '../storage/ObjectNotFoundError.ts';
import type { ObjectStore } from '../storage/ObjectStore.ts';
import { LeaseHeldError } from './LeaseHeldError.ts';
import { openObject } from './openObject.ts';
import { readObjectBytes } from './readObjectBytes.ts';
import { RepositoryError } from './RepositoryError.ts';
import type { RepositoryKeys } from './RepositoryKeys.ts';
import { newObjectId, objectIdOf, repositoryLayout } from './repositoryLayout.ts';
import { sealObject } from './sealObject.ts';

export type LeaseKind = 'shared' | 'exclusive';

/** How long a lease lasts unless refreshed: a holder that dies blocks others at most this long. */
export const leaseTtlMs = 15 * 60_000;

interface LeaseRecord {
  kind: LeaseKind;
  holder: string;
  expires: string;
}

/**
 * A lease on the repository, stored as `repository/leases/<id>` (sealed, kind `lease`). Writers take shared
 * leases, which never exclude each other; deleting snapshots and pruning take an exclusive one, which
 * excludes every other. Object stores offer no atomic create-if-absent that all four kinds share, so taking
 * a lease writes it first and then lists the others: of two racing takers each sees the other and both back
 * off; neither can wrongly believe it holds an exclusive lease. Expiry is judged by the reader's clock.
 */
export class RepositoryLease {
  #expires: Date;

  private constructor(
    private readonly store: ObjectStore,
    private readonly keys: RepositoryKeys,
    private readonly key: string,
    readonly kind: LeaseKind,
    expires: Date,
  ) {
    this.#expires = expires;
  }

  /** Takes a lease, or throws `LeaseHeldError` naming a lease that excludes it. */
  static async take(store: ObjectStore, keys: RepositoryKeys, kind: LeaseKind): Promise<RepositoryLease> {
    const key = repositoryLayout.lease(newObjectId());
    const lease = new RepositoryLease(store, keys, key, kind, new Date(0));
    await lease.refresh();
    try {
      for await (const other of store.list(repositoryLayout.leases)) {
        if (other === key || objectIdOf(other, repositoryLayout.leases) === undefined) continue;
        const record = await readLease(store, keys, other);
        if (!record) continue;
        const expires = new Date(record.expires);
        if (expires.getTime() <= Date.now()) continue;
        if (kind === 'exclusive' || record.kind === 'exclusive') {
          throw new LeaseHeldError(kind === 'exclusive' ? 'an exclusive' : 'a shared', `${record.kind} lease ${other} of ${record.holder}`, expires);
        }
      }
    } catch (error) {
      await store.delete(key);
      throw error;
    }
    return lease;
  }

  /** When the lease ends unless refreshed. */
  get expires(): Date {
    return this.#expires;
  }

  /** Extends the lease to `leaseTtlMs` from now. */
  async refresh(): Promise<void> {
    const expires = new Date(Date.now() + leaseTtlMs);
    const record: LeaseRecord = { kind: this.kind, holder: `${hostname()} pid ${process.pid}`, expires: expires.toISOString() };
    await this.store.put(this.key, sealObject(this.keys, 'lease', Buffer.from(JSON.stringify(record))));
    this.#expires = expires;
  }

  async release(): Promise<void> {
    await this.store.delete(this.key);
  }
}

/** A lease's record; undefined when it vanished meanwhile. An unreadable lease counts as held, unexpired. */
async function readLease(store: ObjectStore, keys: RepositoryKeys, key: string): Promise<LeaseRecord | undefined> {
  let bytes: Buffer;
  try {
    bytes = await readObjectBytes(store, key);
  } catch (error) {
    if (error instanceof ObjectNotFoundError) return undefined;
    throw error;
  }
  try {
    const record = JSON.parse(openObject(keys, 'lease', bytes, key).toString()) as LeaseRecord;
    if ((record.kind === 'shared' || record.kind === 'exclusive') && !Number.isNaN(Date.parse(record.expires))) return record;
  } catch (error) {
    if (!(error instanceof RepositoryError) && !(error instanceof SyntaxError)) throw error;
  }
  return { kind: 'exclusive', holder: 'an unreadable lease', expires: new Date(Date.now() + leaseTtlMs).toISOString() };
}
