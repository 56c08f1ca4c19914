import { createPubSub } from '@graphql-yoga/subscription';

/**
 * Change notifications behind the `…Updated` subscriptions. Each topic is keyed by the object's id and carries
 * only that id: the subscription reloads the object through the subscriber's own scoped entity manager, so
 * an event never shows a subscriber more than a query would.
 *
 * One per process, in memory. With several hub replicas on PostgreSQL this needs an event target fed by
 * LISTEN/NOTIFY (ARCHITECTURE.md, "The agent link"); publishers need not change.
 */
export const hubPubSub = createPubSub<{
  backupUpdated: [id: string, id: string];
  restoreUpdated: [id: string, id: string];
  jobUpdated: [id: string, id: string];
}>();

export type HubTopic = 'backupUpdated' | 'restoreUpdated' | 'jobUpdated';

/** Tells subscribers of `topic` that the object `id` changed. Call after the change is committed. */
export function publishUpdate(topic: HubTopic, id: string): void {
  hubPubSub.publish(topic, id, id);
}
