import { randomUUID } from 'node:crypto';

/** A new primary key. UUIDs, so that ids guessed from one's own reveal nothing about others. */
export function newId(): string {
  return randomUUID();
}
