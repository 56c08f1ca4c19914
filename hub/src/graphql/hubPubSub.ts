import { createPubSub } from '@graphql-yoga/subscription';

/**
 * Change notifications behind the `…Updated` subscriptions. Each topic is keyed by the object's id and carries
 * only that id: the subscription reloads the object through the subscriber's own scoped entity manager, so
 * an event never shows a subscriber more than a query would.
 *
 * One per process, in memory. Updates are announced from the data: a `CommittedChanges` subscriber on the
 * ORM turns what each transaction committed into `{ topic, id }` events (see `server/updateSources.ts`) and
 * sends them as dispatch signals; with several hub replicas on PostgreSQL those travel through LISTEN/NOTIFY,
 * and each replica delivers what it hears with `deliverUpdate`, so a subscriber on one replica sees a change
 * made on another.
 */
export const hubPubSub = createPubSub<{
  backupUpdated: [id: string, id: string];
  restoreUpdated: [id: string, id: string];
  jobUpdated: [id: string, id: string];
}>();

export type HubTopic = 'backupUpdated' | 'restoreUpdated' | 'jobUpdated';

export const hubTopics: readonly HubTopic[] = ['backupUpdated', 'restoreUpdated', 'jobUpdated'];

/** Hands an update to this process's subscribers. */
export function deliverUpdate(topic: HubTopic, id: string): void {
  hubPubSub.publish(topic, id, id);
}
