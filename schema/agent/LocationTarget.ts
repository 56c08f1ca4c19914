/**
 * Each storage provider's settings as a job payload carries them, with the location's credential opened:
 * where the agent reads and writes. The keys of this map are the location kinds, written here once: the
 * hub's and the agent's provider registries are typed by them, so the compiler refuses a kind that either
 * side has no provider for, and the GraphQL enum and the agent's parser list the registries' keys.
 */
export interface LocationSettings {
  s3: {
    bucket: string;
    prefix: string;
    region: string | null;
    endpoint: string | null;
    forcePathStyle: boolean;
    credential: { accessKeyId: string; secretAccessKey: string; sessionToken?: string } | null;
  };
  azure: {
    container: string;
    prefix: string;
    endpoint: string | null;
    credential: {
      accountName: string | null;
      accountKey?: string;
      sasToken?: string;
      connectionString?: string;
    } | null;
  };
  gcs: {
    bucket: string;
    prefix: string;
    endpoint: string | null;
    credential: { projectId: string | null; serviceAccountJson: string } | null;
  };
  filesystem: { path: string; prefix: string };
}

/** Where backups can be written. */
export type LocationKind = keyof LocationSettings;

/**
 * A backup location with its credential opened, tagged with its kind. `LocationTarget<'gcs'>` is one kind's;
 * the default is the union of all, which code keyed by kind narrows through its `kind`.
 */
export type LocationTarget<K extends LocationKind = LocationKind> = {
  [P in K]: { kind: P } & LocationSettings[P] & RepositoryKeyField;
}[K];

/**
 * The location's key-encryption key, which wraps the master key of its repository (`schema/format/REPOSITORY.md`):
 * base64 of 32 bytes. The hub adds it only to the payloads of jobs that open the repository (today the key
 * rotation; volume backups and restores will), so an agent holds it only while it runs such a job. Absent
 * from every other payload. An agent never logs it.
 */
export interface RepositoryKeyField {
  repositoryKey?: string;
}
