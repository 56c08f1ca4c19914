import type { LocationTarget } from '#schema/agent/JobPayload';
import { MoverUsageError } from './MoverUsageError.ts';

type Json = Record<string, unknown>;

/**
 * Checks a location file's JSON against the agent's `LocationTarget` and returns it typed; throws a
 * `MoverUsageError` naming the first field that is missing or of the wrong type.
 */
export function parseLocationTarget(value: unknown, source: string): LocationTarget {
  const fail = (field: string, expected: string): never => {
    throw new MoverUsageError(`${source}: ${field} must be ${expected}`);
  };
  const object = (v: unknown, field: string): Json => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Json) : fail(field, 'an object'));
  const text = (o: Json, field: string): string => (typeof o[field] === 'string' ? (o[field] as string) : fail(field, 'a string'));
  const textOrNull = (o: Json, field: string): string | null => (o[field] === undefined || o[field] === null ? null : text(o, field));
  const optionalText = (o: Json, field: string): { [k: string]: string } => (o[field] === undefined ? {} : { [field]: text(o, field) });
  const location = object(value, 'the location');
  const prefix = location.prefix === undefined ? '' : text(location, 'prefix');
  const credentialOf = (read: (c: Json) => unknown) => (location.credential === undefined || location.credential === null ? null : read(object(location.credential, 'credential')));
  switch (location.kind) {
    case 'filesystem':
      return { kind: 'filesystem', path: text(location, 'path'), prefix };
    case 's3':
      return {
        kind: 's3',
        bucket: text(location, 'bucket'),
        prefix,
        region: textOrNull(location, 'region'),
        endpoint: textOrNull(location, 'endpoint'),
        forcePathStyle: typeof location.forcePathStyle === 'boolean' ? location.forcePathStyle : location.forcePathStyle === undefined ? false : fail('forcePathStyle', 'true or false'),
        credential: credentialOf((c) => ({ accessKeyId: text(c, 'accessKeyId'), secretAccessKey: text(c, 'secretAccessKey'), ...optionalText(c, 'sessionToken') })) as Extract<LocationTarget, { kind: 's3' }>['credential'],
      };
    case 'azure':
      return {
        kind: 'azure',
        container: text(location, 'container'),
        prefix,
        endpoint: textOrNull(location, 'endpoint'),
        credential: credentialOf((c) => ({
          accountName: textOrNull(c, 'accountName'),
          ...optionalText(c, 'accountKey'),
          ...optionalText(c, 'sasToken'),
          ...optionalText(c, 'connectionString'),
        })) as Extract<LocationTarget, { kind: 'azure' }>['credential'],
      };
    case 'gcs':
      return {
        kind: 'gcs',
        bucket: text(location, 'bucket'),
        prefix,
        endpoint: textOrNull(location, 'endpoint'),
        credential: credentialOf((c) => ({ projectId: textOrNull(c, 'projectId'), serviceAccountJson: text(c, 'serviceAccountJson') })) as Extract<LocationTarget, { kind: 'gcs' }>['credential'],
      };
    default:
      return fail('kind', 'one of s3, azure, gcs, filesystem');
  }
}
