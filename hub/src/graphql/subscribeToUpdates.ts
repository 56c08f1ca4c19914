import type { SubscribeResolverData } from 'type-graphql';
import type { HubContext } from './HubContext.ts';
import { type HubTopic, hubPubSub } from './hubPubSub.ts';

/**
 * The `subscribe` step of an `…Updated(id: ID!)` subscription. It first runs `load`, which must read the
 * object through the subscriber's scoped entity manager and authorize it, so a subscription to an object the
 * caller cannot see fails at once with NOT_FOUND instead of waiting silently.
 */
export function subscribeToUpdates(
  topic: HubTopic,
  load: (context: HubContext, id: string) => Promise<unknown>,
) {
  return async ({ args, context }: SubscribeResolverData<unknown, { id: string }, HubContext>) => {
    await load(context, args.id);
    return hubPubSub.subscribe(topic, args.id);
  };
}
