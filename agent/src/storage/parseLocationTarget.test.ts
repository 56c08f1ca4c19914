import { describe, expect, it } from 'vitest';
import type { LocationKind, LocationTarget } from '#schema/agent/LocationTarget';
import { SpecReader } from '#schema/contracts/SpecReader';
import { WireError } from '#schema/contracts/WireError';
import { parseLocationTarget } from './parseLocationTarget.ts';

/** One full target of every kind, as the hub builds them; the type makes a new kind add its own. */
const targets: { [K in LocationKind]: LocationTarget<K> } = {
  s3: {
    kind: 's3',
    bucket: 'backups',
    prefix: 'prod/eu',
    region: 'eu-west-1',
    endpoint: 'http://127.0.0.1:9000',
    forcePathStyle: true,
    credential: { accessKeyId: 'AKIA', secretAccessKey: 'secret', sessionToken: 'token' },
  },
  azure: {
    kind: 'azure',
    container: 'backups',
    prefix: '',
    endpoint: null,
    credential: { accountName: 'acct', sasToken: 'sv=1&sig=x' },
  },
  gcs: {
    kind: 'gcs',
    bucket: 'backups',
    prefix: 'fleet',
    endpoint: null,
    credential: { projectId: null, serviceAccountJson: '{"client_email":"a@b"}' },
  },
  filesystem: { kind: 'filesystem', path: '/var/backups', prefix: 'fleet' },
};

/** Reads `value` as the job payload's `location`. */
const parse = (value: unknown) => parseLocationTarget(SpecReader.of(value, 'location'));

function errorOf(value: unknown): WireError {
  try {
    parse(value);
  } catch (error) {
    if (error instanceof WireError) return error;
    throw error;
  }
  throw new Error('parsed');
}

describe('parseLocationTarget', () => {
  it('reads the repository key a job that opens the repository carries', () => {
    const key = Buffer.alloc(32, 7).toString('base64');
    expect(parse({ ...targets.filesystem, repositoryKey: key })).toEqual({ ...targets.filesystem, repositoryKey: key });
  });

  it('refuses a repository key of the wrong length without quoting it', () => {
    const key = Buffer.alloc(16, 7).toString('base64');
    const error = errorOf({ ...targets.filesystem, repositoryKey: key });
    expect(error.field).toBe('location.repositoryKey');
    expect(error.message).not.toContain(key);
  });

  it.each(Object.values(targets))('reads a $kind location as the hub wrote it', (target) => {
    expect(parse(JSON.parse(JSON.stringify(target)))).toEqual(target);
  });

  it('reads a location without a credential, and absent optional settings as null', () => {
    expect(parse({ kind: 's3', bucket: 'b', prefix: '', credential: null })).toEqual({
      kind: 's3',
      bucket: 'b',
      prefix: '',
      region: null,
      endpoint: null,
      forcePathStyle: false,
      credential: null,
    });
  });

  it('refuses a kind it has no provider for, naming the kinds it has', () => {
    for (const kind of ['tape', 'toString']) {
      expect(errorOf({ kind, prefix: '' })).toEqual(
        new WireError('location.kind', `'${kind}' is not a kind of location this agent has a provider for (s3, azure, gcs, filesystem)`),
      );
    }
    expect(errorOf({ prefix: '' })).toEqual(new WireError('location.kind', 'must be a string'));
  });

  it('names the setting it cannot read', () => {
    expect(errorOf({ kind: 'gcs', bucket: 'b', endpoint: null }).message).toBe('location.prefix: must be a string');
    const noSecret = { ...targets.s3, credential: { accessKeyId: 'AKIA' } };
    expect(errorOf(noSecret).field).toBe('location.credential.secretAccessKey');
    expect(errorOf({ kind: 'filesystem', path: 7, prefix: '' }).message).toBe('location.path: must be a non-empty string');
    expect(errorOf({ kind: 'filesystem', path: '/b', prefix: 3 }).field).toBe('location.prefix');
  });
});
