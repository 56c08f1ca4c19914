import { defineEntity, type InferEntity, p } from '@mikro-orm/core';
import { newId } from '../db/newId.ts';

/** The built-in administrator's token, made on the first start; a hub-wide role above every tenant. */
export const AdminTokenEntity = defineEntity({
  name: 'AdminToken',
  tableName: 'admin_tokens',
  properties: {
    id: p
      .string()
      .primary()
      .onCreate(() => newId()),
    secretHash: p.string().unique(),
    createdAt: p.datetime().onCreate(() => new Date()),
  },
});

export type AdminTokenRow = InferEntity<typeof AdminTokenEntity>;
