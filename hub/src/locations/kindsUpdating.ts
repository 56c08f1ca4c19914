import { listWords } from '../graphql/listWords.ts';
import type { UpdatableLocationSetting } from './providers/LocationProvider.ts';
import { locationKinds, locationProviders } from './providers/locationProviders.ts';

/** `s3`, `s3, azure and gcs`: the kinds whose providers let `setting` change, for descriptions and messages. */
export function kindsUpdating(setting: UpdatableLocationSetting): string {
  return listWords(
    locationKinds.filter((kind) => locationProviders[kind].updatable.includes(setting)),
    'and',
  );
}
