import { type EntityManager, UniqueConstraintViolationException } from '@mikro-orm/core';
import { ConflictError } from '../errors/errors.ts';

/**
 * Flushes, translating a unique-constraint violation (a duplicate name, in practice) into CONFLICT with
 * `message`, where the database error enters our code. Other errors pass through.
 */
export async function flushOrConflict(em: EntityManager, message: string): Promise<void> {
  try {
    await em.flush();
  } catch (error) {
    if (error instanceof UniqueConstraintViolationException) throw new ConflictError(message, { cause: error });
    throw error;
  }
}
