import type { BackupLocationKind, CredentialKind } from '../api/hubEnums.ts';
import { optionalText } from '../ui/optionalText.ts';
import type { BackupLocation, CreateBackupLocationInput } from './BackupLocation.ts';
import { type LocationInputBlocks, locationKinds } from './kinds/locationKinds.ts';

/**
 * The settings of a location as its form holds them: the settings columns of `BackupLocation`, shared by the
 * kinds (a bucket typed for S3 stays when switching to Google Cloud Storage). Each kind sends what it uses.
 */
export interface LocationSettingsForm {
  /** Bucket (s3, gcs) or container (azure). */
  bucket: string;
  region: string;
  endpoint: string;
  forcePathStyle: boolean;
  path: string;
}

/** A new location as its form holds it; settings of other kinds are kept while switching but not sent. */
export interface LocationForm extends LocationSettingsForm {
  name: string;
  kind: BackupLocationKind;
  prefix: string;
  /** '' for none. */
  credentialId: string;
  encryptionKeyRef: string;
}

export function emptyLocationForm(kind: BackupLocationKind = 's3'): LocationForm {
  return {
    name: '',
    kind,
    bucket: '',
    prefix: '',
    region: '',
    endpoint: '',
    forcePathStyle: false,
    path: '',
    credentialId: '',
    encryptionKeyRef: '',
  };
}

/** The kinds of credential a location of this kind may use; none for one that needs none. */
export function credentialKindsFor(kind: BackupLocationKind): readonly CredentialKind[] {
  return locationKinds[kind].credential?.kinds ?? [];
}

function kindInput<K extends BackupLocationKind>(kind: K, form: LocationSettingsForm): Partial<LocationInputBlocks> {
  return { [kind]: locationKinds[kind].input(form) };
}

/** The create input: only the chosen kind's block, blanks of optional fields left out. */
export function locationInputFromForm(tenantId: string, form: LocationForm): CreateBackupLocationInput {
  return {
    tenantId,
    name: form.name.trim(),
    prefix: form.prefix.trim().replace(/^\/+|\/+$/g, ''),
    ...optionalText('encryptionKeyRef', form.encryptionKeyRef),
    ...(locationKinds[form.kind].credential ? optionalText('credentialId', form.credentialId) : {}),
    ...kindInput(form.kind, form),
  };
}

/** Where a location writes, as one line: `s3://bucket/prefix`, `gs://…`, `azure://container/…`, `/path/prefix`. */
export function describeWhere(location: Pick<BackupLocation, 'kind' | 'bucket' | 'prefix' | 'path'>): string {
  return `${locationKinds[location.kind].where(location)}${location.prefix ? `/${location.prefix}` : ''}`;
}
