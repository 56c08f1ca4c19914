import type { CredentialKind } from '../credentials/Credential.ts';
import { unreachable } from '../ui/unreachable.ts';
import type { BackupLocation, BackupLocationKind, CreateBackupLocationInput } from './BackupLocation.ts';

/** A new location as its form holds it; fields of other kinds are kept while switching but not sent. */
export interface LocationForm {
  name: string;
  kind: BackupLocationKind;
  /** Bucket (s3, gcs) or container (azure). */
  bucket: string;
  prefix: string;
  region: string;
  endpoint: string;
  forcePathStyle: boolean;
  path: string;
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

/** The kind of credential a location of this kind uses; none for a filesystem. */
export function credentialKindFor(kind: BackupLocationKind): CredentialKind | undefined {
  switch (kind) {
    case 's3':
      return 'aws';
    case 'azure':
      return 'azure';
    case 'gcs':
      return 'gcp';
    case 'filesystem':
      return undefined;
    default:
      return unreachable(kind);
  }
}

/** The create input: only the chosen kind's block, blanks of optional fields left out. */
export function locationInputFromForm(tenantId: string, form: LocationForm): CreateBackupLocationInput {
  const optional = <K extends string>(key: K, value: string) =>
    (value.trim() ? { [key]: value.trim() } : {}) as Partial<Record<K, string>>;
  const common = {
    tenantId,
    name: form.name.trim(),
    prefix: form.prefix.trim().replace(/^\/+|\/+$/g, ''),
    ...optional('encryptionKeyRef', form.encryptionKeyRef),
    ...(form.kind === 'filesystem' ? {} : optional('credentialId', form.credentialId)),
  };
  const bucket = form.bucket.trim();
  switch (form.kind) {
    case 's3':
      return {
        ...common,
        s3: { bucket, ...optional('region', form.region), ...optional('endpoint', form.endpoint), forcePathStyle: form.forcePathStyle },
      };
    case 'azure':
      return { ...common, azure: { container: bucket, ...optional('endpoint', form.endpoint) } };
    case 'gcs':
      return { ...common, gcs: { bucket, ...optional('endpoint', form.endpoint) } };
    case 'filesystem':
      return { ...common, filesystem: { path: form.path.trim() } };
    default:
      return unreachable(form.kind);
  }
}

/** Where a location writes, as one line: `s3://bucket/prefix`, `gs://…`, `azure://container/…`, `/path/prefix`. */
export function describeWhere(location: Pick<BackupLocation, 'kind' | 'bucket' | 'prefix' | 'path'>): string {
  const tail = location.prefix ? `/${location.prefix}` : '';
  switch (location.kind) {
    case 's3':
      return `s3://${location.bucket ?? ''}${tail}`;
    case 'azure':
      return `azure://${location.bucket ?? ''}${tail}`;
    case 'gcs':
      return `gs://${location.bucket ?? ''}${tail}`;
    case 'filesystem':
      return `${location.path ?? ''}${tail}`;
    default:
      return unreachable(location.kind);
  }
}
