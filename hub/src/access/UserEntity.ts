import { defineEntity, type InferEntity, p } from '@mikro-orm/core';
import { newId } from '../db/newId.ts';

/**
 * Someone who has signed in through OIDC, as last seen. Users are the identity provider's, not a tenant's, so
 * there is no scope filter: `users` lists only those a tenant's bindings reach.
 */
export const UserEntity = defineEntity({
  name: 'User',
  tableName: 'users',
  properties: {
    id: p.string().primary().onCreate(() => newId()),
    subject: p.string().unique(),
    email: p.string().nullable(),
    groups: p.json<string[]>(),
    firstSeenAt: p.datetime().onCreate(() => new Date()),
    lastSeenAt: p.datetime(),
  },
});

export type UserRow = InferEntity<typeof UserEntity>;
