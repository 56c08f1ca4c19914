import { createHash } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';
import { type KubeConfig, VersionApi } from '@kubernetes/client-node';
import { pino } from 'pino';
import type { ClusterFacts, NamespaceInventory } from '#schema/agent/ClusterInventory';
import { unreachable } from '#schema/contracts/unreachable';
import { collectFacts } from './collectFacts.ts';
import { compareText } from './compareText.ts';
import { createInventoryWatches, type InventoryWatches } from './createInventoryWatches.ts';
import type { InventorySink } from './InventorySink.ts';
import { volumeSnapshotClassResource } from './inventoryResources.ts';
import { namespaceInventoryOf } from './namespaceInventoryOf.ts';
import { retryUntilAborted } from './retryUntilAborted.ts';
import { servesResource } from './servesResource.ts';

export interface InventoryWatcherOptions {
  /** Least time between two deliveries of changes, in ms; changes in between are merged. Default 1000. */
  debounceMs?: number;
  logger?: pino.Logger;
}

type State =
  | { phase: 'Idle' }
  | { phase: 'Starting'; watches?: InventoryWatches }
  | { phase: 'Running'; watches: InventoryWatches; kubernetesVersion: string }
  | { phase: 'Stopped' };

/**
 * Keeps the cluster's inventory (facts and namespaces) fresh from watches and delivers it to a sink: in
 * full once at start, then as merged changes at most once per `debounceMs`. Informers that fail are
 * restarted with backoff, so an API outage delays the inventory but never freezes it.
 *
 * VolumeSnapshotClasses are watched only when the cluster served them at start: a snapshot CRD installed
 * later is picked up when the agent restarts, and until then the facts list no snapshot classes.
 */
export class InventoryWatcher {
  private state: State = { phase: 'Idle' };
  private readonly debounceMs: number;
  private readonly logger: pino.Logger;
  /** Cancels the retries of `start()` when `stop()` comes first. */
  private readonly stopping = new AbortController();
  private readonly dirtyNamespaces = new Set<string>();
  private factsDirty = false;
  private flushTimer?: NodeJS.Timeout;
  /** A digest per namespace of what the sink last received, to hold back updates that change nothing. */
  private readonly sentNamespaces = new Map<string, string>();
  private sentFacts?: ClusterFacts;

  constructor(
    private readonly kubeConfig: KubeConfig,
    private readonly sink: InventorySink,
    options: InventoryWatcherOptions = {},
  ) {
    this.debounceMs = options.debounceMs ?? 1000;
    this.logger = (options.logger ?? pino()).child({ component: 'inventory' });
  }

  /**
   * Starts every informer and resolves once each has listed its kind, after delivering the facts and the
   * full namespace inventory to the sink. API failures are retried (and logged) until then; it rejects
   * only when `stop()` is called first.
   */
  async start(): Promise<void> {
    if (this.state.phase !== 'Idle') {
      throw new Error(`InventoryWatcher.start: the watcher is ${this.state.phase}`);
    }
    const starting: State & { phase: 'Starting' } = { phase: 'Starting' };
    this.state = starting;
    try {
      const retry = { logger: this.logger, signal: this.stopping.signal };
      const readVersion = async () => (await this.kubeConfig.makeApiClient(VersionApi).getCode()).gitVersion;
      const [kubernetesVersion, snapshotClassesServed] = await Promise.all([
        retryUntilAborted(readVersion, { ...retry, what: 'read the Kubernetes version' }),
        retryUntilAborted(() => servesResource(this.kubeConfig, volumeSnapshotClassResource), {
          ...retry,
          what: 'discover VolumeSnapshotClasses',
        }),
      ]);
      if (this.isStopped()) throw stoppedDuringStart();
      if (!snapshotClassesServed) {
        this.logger.info('no VolumeSnapshotClasses served: facts list none until the agent restarts');
      }
      starting.watches = createInventoryWatches(this.kubeConfig, {
        logger: this.logger,
        watchVolumeSnapshotClasses: snapshotClassesServed,
        onNamespaceChange: (namespace) => this.changed(namespace),
        onFactsChange: () => this.changed(),
      });
      await Promise.all(starting.watches.all.map((w) => w.start()));
      if (this.isStopped()) throw stoppedDuringStart();
      this.state = { phase: 'Running', watches: starting.watches, kubernetesVersion };
    } catch (error) {
      await this.stop();
      throw error;
    }
    const { facts, namespaces } = this.snapshot();
    this.sentFacts = facts;
    for (const namespace of namespaces) this.sentNamespaces.set(namespace.name, digest(namespace));
    this.deliver(() => this.sink.facts(facts));
    this.deliver(() => this.sink.namespaces({ full: true, upserted: namespaces, removed: [] }));
  }

  /** The whole inventory as it stands now, for the link to send again after a reconnect. */
  snapshot(): { facts: ClusterFacts; namespaces: NamespaceInventory[] } {
    if (this.state.phase !== 'Running') {
      throw new Error(`InventoryWatcher.snapshot: the watcher is ${this.state.phase}`);
    }
    const { watches, kubernetesVersion } = this.state;
    const names = watches.namespaces.list().map((n) => n.metadata.name).sort(compareText);
    return {
      facts: collectFacts(kubernetesVersion, watches),
      namespaces: names.flatMap((name) => namespaceInventoryOf(name, watches) ?? []),
    };
  }

  /** Stops every informer and timer; the sink receives nothing once this resolves. */
  async stop(): Promise<void> {
    const state = this.state;
    this.state = { phase: 'Stopped' };
    this.stopping.abort(stoppedDuringStart());
    clearTimeout(this.flushTimer);
    this.flushTimer = undefined;
    switch (state.phase) {
      case 'Idle':
      case 'Stopped':
        return;
      case 'Starting':
      case 'Running':
        await Promise.all(state.watches?.all.map((w) => w.stop()) ?? []);
        return;
      default:
        unreachable(state);
    }
  }

  /** Records a change to a namespace (or, without one, to the facts) and schedules its delivery. */
  private changed(namespace?: string): void {
    // Changes before Running are in the caches the first full delivery is built from.
    if (this.state.phase !== 'Running') return;
    if (namespace === undefined) this.factsDirty = true;
    else this.dirtyNamespaces.add(namespace);
    this.flushTimer ??= setTimeout(() => this.flush(), this.debounceMs);
  }

  private flush(): void {
    this.flushTimer = undefined;
    if (this.state.phase !== 'Running') return;
    const { watches, kubernetesVersion } = this.state;

    const upserted: NamespaceInventory[] = [];
    const removed: string[] = [];
    for (const name of [...this.dirtyNamespaces].sort(compareText)) {
      const inventory = namespaceInventoryOf(name, watches);
      if (inventory) {
        const sent = digest(inventory);
        if (this.sentNamespaces.get(name) === sent) continue;
        this.sentNamespaces.set(name, sent);
        upserted.push(inventory);
      } else if (this.sentNamespaces.delete(name)) {
        removed.push(name);
      }
    }
    this.dirtyNamespaces.clear();
    if (upserted.length > 0 || removed.length > 0) {
      this.deliver(() => this.sink.namespaces({ full: false, upserted, removed }));
    }

    if (this.factsDirty) {
      this.factsDirty = false;
      const facts = collectFacts(kubernetesVersion, watches);
      if (!isDeepStrictEqual(facts, this.sentFacts)) {
        this.sentFacts = facts;
        this.deliver(() => this.sink.facts(facts));
      }
    }
  }

  private deliver(send: () => void): void {
    try {
      send();
    } catch (error) {
      this.logger.error({ err: error }, 'the inventory sink threw; the update is lost until a snapshot');
    }
  }

  // A method, not an inline comparison: TypeScript keeps `this.state` narrowed across awaits.
  private isStopped(): boolean {
    return this.state.phase === 'Stopped';
  }
}

function stoppedDuringStart(): Error {
  return new Error('InventoryWatcher.start: stopped before the inventory was complete');
}

/** A short, order-sensitive fingerprint; the inventory builders emit lists and keys in a stable order. */
function digest(inventory: NamespaceInventory): string {
  return createHash('sha256').update(JSON.stringify(inventory)).digest('base64');
}
