import type { LocationKind } from '#schema/agent/LocationTarget';
import { BadUserInputError } from '../errors/errors.ts';
import { kindsUpdating } from './kindsUpdating.ts';
import type { UpdatableLocationSetting } from './providers/LocationProvider.ts';
import { locationProviders } from './providers/locationProviders.ts';

/**
 * Refuses, naming the field, a setting given for a location whose kind does not have it (`input.region` for
 * an azure location), as its provider's `updatable` says; null and absent settings pass.
 */
export function checkUpdatableSettings(
  kind: LocationKind,
  input: Partial<Record<UpdatableLocationSetting, unknown>>,
): void {
  const { updatable } = locationProviders[kind];
  for (const field of ['region', 'forcePathStyle', 'endpoint'] as const) {
    if (input[field] != null && !updatable.includes(field)) {
      throw new BadUserInputError(`input.${field}`, `is for ${kindsUpdating(field)} locations only`);
    }
  }
}
