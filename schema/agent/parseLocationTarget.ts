import type { SpecReader } from '../contracts/SpecReader.ts';
import { WireError } from '../contracts/WireError.ts';
import type { LocationTarget } from './JobPayload.ts';

type Kind = LocationTarget['kind'];
type TargetOf<K extends Kind> = Extract<LocationTarget, { kind: K }>;

/** One parser per kind of location: the compiler refuses a kind of `LocationTarget` without one. */
const parsers: { [K in Kind]: (r: SpecReader) => TargetOf<K> } = {
  s3: (r) => {
    const c = r.optionalObject('credential');
    const sessionToken = c?.optionalString('sessionToken');
    return {
      kind: 's3',
      bucket: r.string('bucket'),
      prefix: r.stringOrEmpty('prefix'),
      region: r.optionalString('region'),
      endpoint: r.optionalString('endpoint'),
      forcePathStyle: r.boolean('forcePathStyle', false),
      credential: c && {
        accessKeyId: c.string('accessKeyId'),
        secretAccessKey: c.string('secretAccessKey'),
        ...(sessionToken ? { sessionToken } : {}),
      },
    };
  },
  azure: (r) => {
    const c = r.optionalObject('credential');
    const secret = (name: 'accountKey' | 'sasToken' | 'connectionString') => {
      const value = c?.optionalString(name);
      return value ? { [name]: value } : {};
    };
    return {
      kind: 'azure',
      container: r.string('container'),
      prefix: r.stringOrEmpty('prefix'),
      endpoint: r.optionalString('endpoint'),
      credential: c && {
        accountName: c.optionalString('accountName'),
        ...secret('accountKey'),
        ...secret('sasToken'),
        ...secret('connectionString'),
      },
    };
  },
  gcs: (r) => {
    const c = r.optionalObject('credential');
    return {
      kind: 'gcs',
      bucket: r.string('bucket'),
      prefix: r.stringOrEmpty('prefix'),
      endpoint: r.optionalString('endpoint'),
      credential: c && { projectId: c.optionalString('projectId'), serviceAccountJson: c.string('serviceAccountJson') },
    };
  },
  filesystem: (r) => ({ kind: 'filesystem', path: r.string('path'), prefix: r.stringOrEmpty('prefix') }),
};

/** The kinds of location this build reads, for messages. */
const locationTargetKinds = Object.keys(parsers) as Kind[];

/**
 * Parses the location of a job payload, with its credential opened (a `LocationReader`); throws a `WireError` naming the first
 * bad field, `kind` for a kind of location this reader does not know (a newer hub sent it).
 */
export function parseLocationTarget(r: SpecReader): LocationTarget {
  const kind = r.stringOrEmpty('kind');
  if (!isKind(kind)) {
    const known = locationTargetKinds.join(', ');
    throw new WireError(r.field('kind'), `'${kind}' is not a kind of location this reader knows (${known})`);
  }
  return parsers[kind](r);
}

function isKind(kind: string): kind is Kind {
  return Object.hasOwn(parsers, kind);
}
