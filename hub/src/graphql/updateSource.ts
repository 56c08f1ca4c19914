import type { EntitySchema } from '@mikro-orm/core';
import type { ChangeEvent, EventOfRow } from '../db/CommittedChanges.ts';
import type { HubTopic } from './hubPubSub.ts';

/** An entity whose committed changes announce an `…Updated` event. */
export interface UpdateSource {
  /** The entity's name, as MikroORM's change sets carry it. */
  entityName: string;
  topic: HubTopic;
  /** The row's property holding the id that the topic's subscribers follow. */
  idProperty: string;
}

/**
 * Declares that a committed change of an `entity` row announces `topic` for the id in `idProperty`: the row's
 * own id for the object a subscription returns, or the id of the object the row is a part of.
 */
export function updateSource<Row>(
  entity: EntitySchema<Row, never>,
  topic: HubTopic,
  idProperty: keyof Row & string,
): UpdateSource {
  return { entityName: entity.meta.className, topic, idProperty };
}

/** The event each changed row of these sources announces (one source per entity); other rows announce none. */
export function eventOfSources(sources: readonly UpdateSource[]): EventOfRow<HubTopic> {
  const byEntity = new Map(sources.map((source) => [source.entityName, source]));
  return (entityName, row): ChangeEvent<HubTopic> | undefined => {
    const source = byEntity.get(entityName);
    const id = source && row[source.idProperty];
    return source && typeof id === 'string' ? { topic: source.topic, id } : undefined;
  };
}
