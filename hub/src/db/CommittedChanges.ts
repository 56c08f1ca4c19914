import type {
  EntityManager,
  EntityName,
  EventSubscriber,
  FlushEventArgs,
  Transaction,
  TransactionEventArgs,
} from '@mikro-orm/core';

/** What a committed change of one row announces: a topic, and the id its subscribers follow. */
export interface ChangeEvent<Topic extends string = string> {
  topic: Topic;
  id: string;
}

/** The event a changed row of the named entity announces, or undefined when that entity announces none. */
export type EventOfRow<Topic extends string> = (
  entityName: string,
  row: Readonly<Record<string, unknown>>,
) => ChangeEvent<Topic> | undefined;

export interface CommittedChangesOptions<Topic extends string> {
  eventOf: EventOfRow<Topic>;
  /** Receives each commit's events, each once. Runs after the commit: it must not undo or fail it. */
  publish(events: readonly ChangeEvent<Topic>[]): void;
  /** What `publish` threw: the commit stands, so the error is only reported. */
  onPublishError(error: unknown): void;
}

/**
 * Turns what a transaction committed into change events: every row the unit of work wrote in a flush
 * (created, updated or deleted), plus rows written by native statements that report themselves through
 * `recordNativeChanges`. Events are published once the outermost transaction has committed, once per event
 * per commit, and never for a transaction (or savepoint) that rolled back. A flush outside any transaction
 * runs in its own, which has committed when the flush ends.
 */
export class CommittedChanges<Topic extends string> implements EventSubscriber {
  readonly #pending = new WeakMap<Transaction, Map<string, ChangeEvent<Topic>>>();
  /** The transaction an entity manager is opening a savepoint in, between the savepoint's start events. */
  readonly #opening = new WeakMap<EntityManager, Transaction>();
  readonly #parentOf = new WeakMap<Transaction, Transaction>();
  readonly #options: CommittedChangesOptions<Topic>;

  constructor(options: CommittedChangesOptions<Topic>) {
    this.#options = options;
  }

  afterFlush({ em, uow }: FlushEventArgs): void {
    for (const change of uow.getChangeSets()) this.record(em, change.meta.className, [change.entity]);
  }

  /** Counts `rows` of the entity named `entityName` as written in `em`'s transaction, or as committed now. */
  record(em: EntityManager, entityName: string, rows: readonly object[]): void {
    const events = new Map<string, ChangeEvent<Topic>>();
    for (const row of rows) {
      const event = this.#options.eventOf(entityName, row as Record<string, unknown>);
      if (event) events.set(keyOf(event), event);
    }
    if (events.size === 0) return;
    const transaction = em.isInTransaction() ? em.getTransactionContext() : undefined;
    if (!transaction) return this.#publish(events);
    const pending = this.#pending.get(transaction) ?? new Map<string, ChangeEvent<Topic>>();
    for (const [key, event] of events) pending.set(key, event);
    this.#pending.set(transaction, pending);
  }

  beforeTransactionStart({ em, transaction }: TransactionEventArgs): void {
    // Only a savepoint starts inside a transaction, which MikroORM passes here; the savepoint itself follows.
    if (transaction) this.#opening.set(em, transaction);
  }

  afterTransactionStart({ em, transaction }: TransactionEventArgs): void {
    const parent = this.#opening.get(em);
    this.#opening.delete(em);
    if (transaction && parent && isSavepoint(transaction)) this.#parentOf.set(transaction, parent);
  }

  afterTransactionCommit({ transaction }: TransactionEventArgs): void {
    if (!transaction) return;
    const pending = this.#take(transaction);
    if (!pending) return;
    if (!isSavepoint(transaction)) return this.#publish(pending);
    // A released savepoint's writes are the enclosing transaction's: they count when (and if) it commits.
    const parent = this.#parentOf.get(transaction);
    if (!parent) return;
    const outer = this.#pending.get(parent) ?? new Map<string, ChangeEvent<Topic>>();
    for (const [key, event] of pending) outer.set(key, event);
    this.#pending.set(parent, outer);
  }

  afterTransactionRollback({ transaction }: TransactionEventArgs): void {
    if (transaction) this.#take(transaction);
  }

  #take(transaction: Transaction): Map<string, ChangeEvent<Topic>> | undefined {
    const pending = this.#pending.get(transaction);
    this.#pending.delete(transaction);
    return pending;
  }

  #publish(events: Map<string, ChangeEvent<Topic>>): void {
    try {
      this.#options.publish([...events.values()]);
    } catch (error) {
      this.#options.onPublishError(error);
    }
  }
}

/**
 * Counts rows written by a native statement, which the unit of work never sees, as changes of `em`'s
 * transaction, so their events follow its commit like a flush's. A row needs only the properties the event
 * sources read (an id). Does nothing on an ORM without `CommittedChanges` (the migration tools, test seeds).
 */
export function recordNativeChanges(em: EntityManager, entity: EntityName, rows: readonly object[]): void {
  const entityName = em.getMetadata(entity).className;
  for (const subscriber of em.getEventManager().getSubscribers()) {
    if (subscriber instanceof CommittedChanges) subscriber.record(em, entityName, rows);
  }
}

function isSavepoint(transaction: Transaction): boolean {
  return 'savepointName' in transaction;
}

function keyOf(event: ChangeEvent): string {
  return `${event.topic}\u0000${event.id}`;
}
