import {
  type KubeConfig,
  type KubernetesListObject,
  type KubernetesObject,
  ListWatch,
} from '@kubernetes/client-node';
import type { pino } from 'pino';
import { backoffDelayMs } from './backoffDelayMs.ts';
import type { CachedSummary, SummaryCache } from './CachedSummary.ts';
import type { ListPage, ResourceSpec } from './ResourceSpec.ts';
import { SummarizingWatch } from './SummarizingWatch.ts';

/** Objects per list request: big clusters are listed in pages, each summarized before the next arrives. */
const pageSize = 500;
/** A failure this long after the previous one starts the backoff from the beginning again. */
const quietPeriodMs = 60_000;

export interface ResourceWatchOptions<S> {
  logger: pino.Logger;
  /** Called for every add, update and delete the informer applies, with the object's cached summary. */
  onChange(object: CachedSummary<S>): void;
}

/**
 * One informer over one resource kind, cluster-wide, that survives API failures. client-node's informer
 * recovers by itself from 410 Gone (it relists) and from watch timeouts, but stops for good on any other
 * error (a refused connection, a 500, a 403 while RBAC is being fixed). This one logs the error and starts
 * the informer again after a backoff; the informer resumes from its last resourceVersion, or relists and
 * reports the difference as adds, updates and deletes.
 */
export class ResourceWatch<T extends KubernetesObject, S> implements SummaryCache<S> {
  private readonly watch: SummarizingWatch<S>;
  private readonly informer: ListWatch<CachedSummary<S>>;
  private stopped = false;
  private listed = false;
  private pendingSync?: { resolve: () => void; reject: (error: Error) => void };
  private attempt?: Promise<void>;
  private restartTimer?: NodeJS.Timeout;
  private failures = 0;
  private lastFailureAt = 0;

  constructor(
    kubeConfig: KubeConfig,
    private readonly spec: ResourceSpec<T, S>,
    private readonly options: ResourceWatchOptions<S>,
  ) {
    this.watch = new SummarizingWatch(kubeConfig, (object) => this.toCached(object as T));
    this.informer = new ListWatch(spec.path, this.watch, () => this.listAll(), false);
    const changed = (object: CachedSummary<S>) => {
      if (!this.stopped) options.onChange(object);
    };
    this.informer.on('add', changed);
    this.informer.on('update', changed);
    this.informer.on('delete', changed);
    this.informer.on('error', (error: unknown) => this.failed(error));
  }

  get kind(): string {
    return this.spec.kind;
  }

  /**
   * Starts the informer; resolves once its first full list is in the cache. Failures before that are
   * retried like any other; the promise rejects only when `stop()` comes first.
   */
  start(): Promise<void> {
    if (this.stopped || this.attempt) {
      return Promise.reject(new Error(`the ${this.kind} watch was already started`));
    }
    const synced = new Promise<void>((resolve, reject) => (this.pendingSync = { resolve, reject }));
    this.launch();
    return synced;
  }

  /**
   * Stops the informer and any pending restart; no `onChange` call follows once this resolves. A list
   * request already in flight is left to finish on its own (client-node cannot abort it); its result is
   * ignored and no watch follows it.
   */
  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.restartTimer);
    this.watch.close();
    await this.informer.stop();
    this.pendingSync?.reject(new Error(`the ${this.kind} watch stopped before its first list completed`));
    this.pendingSync = undefined;
  }

  get(name: string, namespace?: string): CachedSummary<S> | undefined {
    return this.informer.get(name, namespace);
  }

  list(namespace?: string): readonly CachedSummary<S>[] {
    return this.informer.list(namespace);
  }

  private launch(): void {
    // The informer reports its failures through 'error' events; a rejection only comes from a watch that
    // could not even be set up (e.g. credentials that fail to load), and is retried the same way.
    this.attempt = this.informer
      .start()
      .catch((error: unknown) => this.failed(error))
      .then(() => {
        if (this.listed && !this.stopped) {
          this.pendingSync?.resolve();
          this.pendingSync = undefined;
        }
      });
  }

  private failed(error: unknown): void {
    if (this.stopped || this.restartTimer) return;
    const now = Date.now();
    if (now - this.lastFailureAt > quietPeriodMs) this.failures = 0;
    this.lastFailureAt = now;
    const delayMs = backoffDelayMs(this.failures++);
    const { logger } = this.options;
    logger.warn({ err: error, kind: this.kind, delayMs }, 'inventory watch failed; restarting it');
    this.restartTimer = setTimeout(() => {
      this.restartTimer = undefined;
      if (!this.stopped) this.launch();
    }, delayMs);
  }

  private async listAll(): Promise<KubernetesListObject<CachedSummary<S>>> {
    const items: CachedSummary<S>[] = [];
    let page: ListPage<T>;
    let next: string | undefined;
    do {
      page = await this.spec.listPage({ limit: pageSize, _continue: next });
      for (const object of page.items) items.push(this.toCached(object));
      next = page.metadata?._continue || undefined;
    } while (next);
    this.listed = true;
    // Every page of one list shares the resourceVersion of its snapshot; the watch resumes from it.
    return { metadata: { resourceVersion: page.metadata?.resourceVersion }, items };
  }

  private toCached(object: T): CachedSummary<S> {
    const { name = '', namespace, resourceVersion } = object.metadata ?? {};
    return { metadata: { name, namespace, resourceVersion }, summary: this.spec.summarize(object) };
  }
}
