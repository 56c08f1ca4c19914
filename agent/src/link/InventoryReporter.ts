import type { pino } from 'pino';
import type { ClusterFacts, NamespaceInventory } from '#schema/agent/ClusterInventory';
import type { InventorySink, NamespaceUpdate } from '../inventory/InventorySink.ts';
import type { HubLink } from './HubLink.ts';

const labels = (map: Record<string, string>) => Object.entries(map).map(([key, value]) => ({ key, value }));

function namespaceInput(ns: NamespaceInventory) {
  return {
    name: ns.name,
    labels: labels(ns.labels),
    workloads: ns.workloads.map((w) => ({ ...w, labels: labels(w.labels) })),
    persistentVolumeClaims: ns.persistentVolumeClaims.map((c) => ({ ...c, labels: labels(c.labels) })),
    countsByKind: Object.entries(ns.countsByKind).map(([kind, count]) => ({ kind, count })),
  };
}

/**
 * Forwards the inventory watcher's reports to the hub, in order (a change never overtakes the snapshot it
 * follows). While the link is down, reports are dropped: after every reconnect the whole snapshot is sent
 * again, which supersedes them.
 */
export class InventoryReporter implements InventorySink {
  #connected = false;
  #queue: Promise<void> = Promise.resolve();

  constructor(
    private readonly link: HubLink,
    private readonly logger: pino.Logger,
  ) {}

  /** The link is up: send `snapshot` in full, then pass on changes. */
  connected(snapshot: { facts: ClusterFacts; namespaces: NamespaceInventory[] } | undefined): void {
    this.#connected = true;
    if (!snapshot) return;
    this.facts(snapshot.facts);
    this.namespaces({ full: true, upserted: snapshot.namespaces, removed: [] });
  }

  disconnected(): void {
    this.#connected = false;
  }

  facts(facts: ClusterFacts): void {
    this.#send('facts', () =>
      this.link.request('mutation($f: ClusterFactsInput!) { reportFacts(facts: $f) }', { f: facts }),
    );
  }

  namespaces(update: NamespaceUpdate): void {
    this.#send('inventory', () =>
      this.link.request(
        'mutation($full: Boolean!, $up: [NamespaceInventoryInput!]!, $rm: [String!]!) { reportInventory(full: $full, upserted: $up, removed: $rm) }',
        { full: update.full, up: update.upserted.map(namespaceInput), rm: update.removed },
      ),
    );
  }

  #send(what: string, request: () => Promise<unknown>): void {
    if (!this.#connected) return;
    this.#queue = this.#queue.then(request).then(
      () => undefined,
      (error: unknown) => this.logger.warn({ err: error }, `could not report ${what}; it is sent again on reconnect`),
    );
  }
}
