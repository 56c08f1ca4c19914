import type { LocationKind } from '#schema/agent/LocationTarget';
import { azureLocation } from './azure.ts';
import { filesystemLocation } from './filesystem.ts';
import { gcsLocation } from './gcs.ts';
import type { LocationProvider } from './LocationProvider.ts';
import { s3Location } from './s3.ts';

/** One line per kind of location; `satisfies` refuses a kind of `LocationSettings` left out, or one too many. */
const registered = {
  s3: s3Location,
  azure: azureLocation,
  gcs: gcsLocation,
  filesystem: filesystemLocation,
} satisfies Record<LocationKind, unknown>;

/** The GraphQL input block of locations of kind `K`. */
export type LocationInputOf<K extends LocationKind> =
  (typeof registered)[K] extends LocationProvider<K, infer Input> ? Input : never;

/** The provider of every location kind, typed per kind so that code keyed by a kind needs no casts. */
export const locationProviders: { readonly [K in LocationKind]: LocationProvider<K, LocationInputOf<K>> } = registered;

/** The kinds, in the registry's order (the API's enum, messages, descriptions). */
export const locationKinds = Object.keys(registered).filter((kind): kind is LocationKind =>
  Object.hasOwn(registered, kind),
);
