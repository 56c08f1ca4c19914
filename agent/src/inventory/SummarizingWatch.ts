import { type KubeConfig, type KubernetesObject, Watch } from '@kubernetes/client-node';
import type { CachedSummary } from './CachedSummary.ts';

type WatchCallback = (phase: string, object: unknown, event?: unknown) => void;

/**
 * A `Watch` that hands the informer summaries instead of whole objects, so the informer's cache holds only
 * what the inventory reports. It can also be closed for good: client-node's `ListWatch.stop()` does not stop
 * a reconnect already past its `stopped` check (a relist or a backoff in flight), which would otherwise open
 * a watch nobody aborts.
 */
export class SummarizingWatch<S> extends Watch {
  private closed = false;
  private readonly open = new Set<AbortController>();

  constructor(
    kubeConfig: KubeConfig,
    private readonly toCached: (object: KubernetesObject) => CachedSummary<S>,
  ) {
    super(kubeConfig);
  }

  override async watch(
    path: string,
    queryParams: Record<string, string | number | boolean | undefined>,
    callback: WatchCallback,
    done: (err: unknown) => void,
  ): Promise<AbortController> {
    if (this.closed) return new AbortController();
    const controller = await super.watch(
      path,
      queryParams,
      (phase, object, event) => callback(phase, this.summarizeEvent(phase, object), event),
      (err) => {
        // client-node aborts a watch's controller before reporting its end: that is how ended ones show.
        for (const ended of this.open) if (ended.signal.aborted) this.open.delete(ended);
        if (!this.closed) done(err);
      },
    );
    if (this.closed) controller.abort();
    else if (!controller.signal.aborted) this.open.add(controller);
    return controller;
  }

  /** Aborts every open watch; later watch calls open nothing and report nothing. */
  close(): void {
    this.closed = true;
    for (const controller of this.open) controller.abort();
    this.open.clear();
  }

  private summarizeEvent(phase: string, object: unknown): unknown {
    // ERROR carries a Status whose `code` (410 Gone) the informer reads; BOOKMARK only a resourceVersion.
    if (phase !== 'ADDED' && phase !== 'MODIFIED' && phase !== 'DELETED') return object;
    return this.toCached(object as KubernetesObject);
  }
}
