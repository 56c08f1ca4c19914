import type { SubscribeResolverData } from 'type-graphql';
import { boundSubscription } from './boundSubscription.ts';
import type { HubContext } from './HubContext.ts';
import { type HubTopic, hubPubSub } from './hubPubSub.ts';

/**
 * The `subscribe` step of an `…Updated(id: ID!)` subscription. It first runs `load`, which must read the
 * object through the subscriber's scoped entity manager and authorize it, so a subscription to an object the
 * caller cannot see fails at once with NOT_FOUND instead of waiting silently. Over graphql-ws the stream is
 * bounded by the context's `subscriptionBounds` (lifetime, token expiry and revocation).
 */
export function subscribeToUpdates(
  topic: HubTopic,
  load: (context: HubContext, id: string) => Promise<unknown>,
) {
  return async ({ args, context }: SubscribeResolverData<unknown, { id: string }, HubContext>) => {
    await load(context, args.id);
    const events = hubPubSub.subscribe(topic, args.id)[Symbol.asyncIterator]();
    return context.subscriptionBounds ? boundSubscription(events, context.subscriptionBounds) : events;
  };
}
