import type { ComponentType } from 'react';
import type { CredentialKind } from '../api/hubEnums.ts';
import type { FormBinding } from '../ui/bindForm.ts';
import type { BackupLocation } from './BackupLocation.ts';
import type { LocationSettingsForm } from './locationForm.ts';

/** The settings fields of a kind, bound to the location form's settings. */
export type LocationFields = ComponentType<{ bind: FormBinding<LocationSettingsForm> }>;

/**
 * How the console shows and asks for one location kind (one file per kind in `kinds/`, registered in
 * `locationKinds.ts`). `I` is the kind's block of `createBackupLocationInput` (schema `<Kind>LocationInput`).
 */
export interface LocationKindView<I> {
  /** The kind as the screens name it. */
  label: string;
  /** The required field that says where backups go (bucket, container, path), shown before the prefix. */
  Place: LocationFields;
  /** Optional settings, shown after the prefix. */
  Options?: LocationFields;
  /** The credential it takes; none (no credential field at all) for a kind that needs none. */
  credential?: {
    /** The kinds that fit, as the hub's provider lists them (`credentialKinds`). */
    kinds: readonly CredentialKind[];
    required: boolean;
    /** What choosing none means, as the blank choice. */
    none: string;
    /** The field's hint when the tenant has credentials of the kind. */
    hint: string;
  };
  /** The kind's input block from the form, blanks of optional fields left out. */
  input: (settings: LocationSettingsForm) => I;
  /** Where it writes, as an address before the prefix: `s3://bucket`, `/var/backups`. */
  where: (location: Pick<BackupLocation, 'bucket' | 'path'>) => string;
}
