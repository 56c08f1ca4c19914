import type { ClassType } from 'type-graphql';
import type { LocationKind, LocationTarget } from '#schema/agent/LocationTarget';
import type { OpenedCredential } from '../../credentials/CredentialSecret.ts';
import type { CredentialKindName } from '../../credentials/kinds/credentialKinds.ts';
import type { BackupLocationRow } from '../BackupLocationEntity.ts';

/** The columns of a location that its kind decides; a kind sets those it has, the others stay empty. */
export interface LocationColumns {
  bucket: string | null;
  region: string | null;
  endpoint: string | null;
  forcePathStyle: boolean;
  path: string | null;
}

/** Settings `updateBackupLocation` may change, on the kinds that list them. */
export type UpdatableLocationSetting = 'region' | 'endpoint' | 'forcePathStyle';

/**
 * Everything the hub knows of one kind of location, in `providers/<kind>.ts`, registered once in
 * `providers/locationProviders.ts`: its GraphQL input block, how the block is validated, which credential
 * fits and when one is needed, which settings may change, and the target a job payload carries to agents.
 */
export interface LocationProvider<K extends LocationKind, Input extends object> {
  readonly kind: K;
  /** What it stores to, for the `BackupLocationKind` enum's description: `Google Cloud Storage`. */
  readonly title: string;
  /** The block of `CreateBackupLocationInput` named after the kind. */
  readonly input: ClassType<Input>;
  /** Validates a block given under `field` (`input.gcs`), naming each bad field below it. */
  parseInput(block: Input, field: string, context: { filesystemRoots: readonly string[] }): Partial<LocationColumns>;
  /** The kinds of credential it signs in with; none when it takes no credential. */
  readonly credentialKinds: readonly CredentialKindName[];
  /**
   * When a credential is required and when optional, as phrases of the API's description of `credentialId`
   * (`for gcs without an endpoint`); a kind that takes none has neither.
   */
  readonly credentialUse: { required?: string; optional?: string };
  /** Why a location of this kind at `endpoint` cannot go without a credential, or null when it can. */
  missingCredentialProblem(endpoint: string | null): string | null;
  /** What `updateBackupLocation` may change besides the name, credential and key reference. */
  readonly updatable: readonly UpdatableLocationSetting[];
  /** The location as a job payload carries it, with its credential (of one of its kinds) opened; null: none. */
  target(row: BackupLocationRow, credential: OpenedCredential | null): LocationTarget<K>;
}
