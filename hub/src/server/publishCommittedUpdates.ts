import type { MikroORM } from '@mikro-orm/core';
import { CommittedChanges } from '../db/CommittedChanges.ts';
import type { DispatchSignals } from '../dispatch/dispatchSignals.ts';
import { eventOfSources } from '../graphql/updateSource.ts';
import type { Logger } from '../logging/Logger.ts';
import { updateSources } from './updateSources.ts';

/**
 * Makes the data announce the `…Updated` subscriptions' events: whatever a transaction of `orm` commits to
 * an entity of `updateSources` is sent as an `updated` signal, which every replica (this one included)
 * delivers to its own subscribers. The only publisher of those events.
 */
export function publishCommittedUpdates(orm: MikroORM, signals: DispatchSignals, logger: Logger): void {
  orm.em.getEventManager().registerSubscriber(
    new CommittedChanges({
      eventOf: eventOfSources(updateSources),
      publish: (events) => {
        for (const { topic, id } of events) signals.send({ type: 'updated', topic, id });
      },
      onPublishError: (error) => logger.error({ err: error }, 'could not announce committed changes to subscribers'),
    }),
  );
}
