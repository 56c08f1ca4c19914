import { createPubSub } from '@graphql-yoga/subscription';

/**
 * Change notifications behind the `…Updated` subscriptions. Each topic is keyed by the object's id and carries
 * only that id: the subscription reloads the object through the subscriber's own scoped entity manager, so
 * an event never shows a subscriber more than a query would.
 *
 * One per process, in memory. With several hub replicas on PostgreSQL, `relayUpdatesThrough` routes every
 * update through LISTEN/NOTIFY, and each replica delivers what it hears with `deliverUpdate`, so a
 * subscriber on one replica sees a change made on another.
 */
export const hubPubSub = createPubSub<{
  backupUpdated: [id: string, id: string];
  restoreUpdated: [id: string, id: string];
  jobUpdated: [id: string, id: string];
}>();

export type HubTopic = 'backupUpdated' | 'restoreUpdated' | 'jobUpdated';

export const hubTopics: readonly HubTopic[] = ['backupUpdated', 'restoreUpdated', 'jobUpdated'];

let relay: ((topic: HubTopic, id: string) => void) | undefined;

/** Sends every later update through `send`, which must deliver it to every replica, this one included. */
export function relayUpdatesThrough(send: ((topic: HubTopic, id: string) => void) | undefined): void {
  relay = send;
}

/** Tells subscribers of `topic` that the object `id` changed. Call after the change is committed. */
export function publishUpdate(topic: HubTopic, id: string): void {
  if (relay) relay(topic, id);
  else deliverUpdate(topic, id);
}

/** Hands an update to this process's subscribers. */
export function deliverUpdate(topic: HubTopic, id: string): void {
  hubPubSub.publish(topic, id, id);
}
