import { type EntityManager, UniqueConstraintViolationException } from '@mikro-orm/core';
import { ConflictError } from '../errors/errors.ts';

/** Flushes, turning a clash of schedule names in the tenant into CONFLICT. */
export async function flushScheduleName(em: EntityManager, name: string): Promise<void> {
  try {
    await em.flush();
  } catch (error) {
    if (error instanceof UniqueConstraintViolationException) {
      throw new ConflictError(`this tenant already has a backup schedule named '${name}'`, { cause: error });
    }
    throw error;
  }
}
