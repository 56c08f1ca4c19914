import { isGone } from './KubeJsonClient.ts';

/** One page of a Kubernetes list: its items and the token for the next page, empty on the last. */
export interface ListPage<T> {
  items: T[];
  continueToken: string | undefined;
}

/** Fetches one page of at most `limit` items, starting after `continueToken` (from the start when undefined). */
export type FetchPage<T> = (limit: number, continueToken: string | undefined) => Promise<ListPage<T>>;

export interface ListPagesOptions<T> {
  pageSize: number;
  /** An item's identity within this list (its name, or namespace/name), to yield each object only once. */
  keyOf(item: T): string;
  /** Told when the list had to be restarted, so the caller can record it as a warning. */
  onRestart(reason: string): void;
}

/**
 * Yields every item of a list, one page in memory at a time. A continue token is only valid while the
 * server still holds the snapshot it points into (about five minutes of etcd history); past that the
 * server answers 410 Gone. The list then starts again from scratch, once: objects already yielded are
 * skipped, so each one still comes out once, though the result mixes two snapshots. A second 410, or any
 * other failure, is thrown to the caller.
 */
export async function* listPages<T>(fetchPage: FetchPage<T>, options: ListPagesOptions<T>): AsyncGenerator<T> {
  // The keys yielded so far. Names only, not objects: memory grows with the size of one list's names,
  // which is the price of yielding each object exactly once across a restart.
  const yielded = new Set<string>();
  let restarted = false;
  let token: string | undefined;
  for (;;) {
    let page: ListPage<T>;
    try {
      page = await fetchPage(options.pageSize, token);
    } catch (error) {
      if (!isGone(error) || token === undefined || restarted) throw error;
      restarted = true;
      token = undefined;
      options.onRestart('the list expired between pages (410 Gone) and was restarted from the beginning');
      // Not `do … while (token)`: its `continue` would test the cleared token and end the list here.
      continue;
    }
    for (const item of page.items) {
      const key = options.keyOf(item);
      if (yielded.has(key)) continue;
      yielded.add(key);
      yield item;
    }
    token = page.continueToken || undefined;
    if (token === undefined) return;
  }
}
