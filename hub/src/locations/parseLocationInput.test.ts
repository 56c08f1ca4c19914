import { describe, expect, it } from 'vitest';
import { BadUserInputError } from '../errors/errors.ts';
import type { CreateBackupLocationInput } from './BackupLocationInputs.ts';
import { parseLocationInput } from './parseLocationInput.ts';

const input = (over: Partial<CreateBackupLocationInput>): CreateBackupLocationInput =>
  Object.assign({ tenantId: 't', name: 'primary', prefix: '' }, over) as CreateBackupLocationInput;
const s3 = { bucket: 'shop-backups', forcePathStyle: false };

function fieldOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (error instanceof BadUserInputError) return error.field;
    throw error;
  }
  throw new Error('expected a BadUserInputError');
}

describe('parseLocationInput', () => {
  it('reads each kind', () => {
    expect(
      parseLocationInput(
        input({
          prefix: 'prod/eu/',
          s3: { ...s3, region: 'eu-west-1', endpoint: 'https://minio.local:9000/', forcePathStyle: true },
        }),
      ),
    ).toMatchObject({
      kind: 's3',
      bucket: 'shop-backups',
      prefix: 'prod/eu',
      region: 'eu-west-1',
      endpoint: 'https://minio.local:9000',
      forcePathStyle: true,
      path: null,
    });
    expect(parseLocationInput(input({ azure: { container: 'backups' } }))).toMatchObject({
      kind: 'azure',
      bucket: 'backups',
    });
    expect(parseLocationInput(input({ gcs: { bucket: 'shop_backups' } }))).toMatchObject({ kind: 'gcs' });
    expect(parseLocationInput(input({ filesystem: { path: '/var/backups/' } }))).toMatchObject({
      kind: 'filesystem',
      bucket: null,
      path: '/var/backups',
    });
  });

  it('wants exactly one kind', () => {
    expect(fieldOf(() => parseLocationInput(input({})))).toBe('input');
    expect(fieldOf(() => parseLocationInput(input({ s3, gcs: { bucket: 'b-1' } })))).toBe('input');
  });

  it.each([
    ['/abs', 'a leading slash'],
    ['../up', 'a parent segment'],
    ['a/../b', 'an inner parent segment'],
    ['a/./b', 'a dot segment'],
    ['a//b', 'an empty segment'],
    ['a\\b', 'a backslash'],
  ])('refuses the prefix %s (%s) naming input.prefix', (prefix) => {
    expect(fieldOf(() => parseLocationInput(input({ prefix, s3 })))).toBe('input.prefix');
  });

  it('names every bad field', () => {
    const cases: [Partial<CreateBackupLocationInput>, string][] = [
      [{ name: 'Primary', s3 }, 'input.name'],
      [{ s3: { ...s3, bucket: 'Bad_Bucket' } }, 'input.s3.bucket'],
      [{ s3: { ...s3, bucket: 'a..b' } }, 'input.s3.bucket'],
      [{ s3: { ...s3, region: 'EU' } }, 'input.s3.region'],
      [{ s3: { ...s3, endpoint: 'ftp://x' } }, 'input.s3.endpoint'],
      [{ s3: { ...s3, endpoint: 'not a url' } }, 'input.s3.endpoint'],
      [{ s3: { ...s3, endpoint: 'https://key:secret@s3.local' } }, 'input.s3.endpoint'],
      [{ azure: { container: 'double--hyphen' } }, 'input.azure.container'],
      [{ gcs: { bucket: 'x' } }, 'input.gcs.bucket'],
      [{ filesystem: { path: 'relative/dir' } }, 'input.filesystem.path'],
      [{ filesystem: { path: '/var/../etc' } }, 'input.filesystem.path'],
      [{ filesystem: { path: '/' } }, 'input.filesystem.path'],
      [{ s3, encryptionKeyRef: ' ' }, 'input.encryptionKeyRef'],
    ];
    for (const [over, field] of cases) expect(fieldOf(() => parseLocationInput(input(over)))).toBe(field);
  });

  it.each(['/etc', '/etc/fleetback', '/var/run/secrets/kubernetes.io', '/run/secrets', '/proc/1/root'])(
    'refuses a filesystem location in the system directory %s',
    (path) => {
      expect(fieldOf(() => parseLocationInput(input({ filesystem: { path } })))).toBe('input.filesystem.path');
    },
  );

  it('refuses a filesystem location outside the configured roots', () => {
    const roots = ['/backups', '/mnt/fleetback'];
    expect(parseLocationInput(input({ filesystem: { path: '/backups/shop' } }), roots)).toMatchObject({
      path: '/backups/shop',
    });
    expect(parseLocationInput(input({ filesystem: { path: '/mnt/fleetback' } }), roots)).toMatchObject({
      path: '/mnt/fleetback',
    });
    for (const path of ['/backupsX', '/home/user', '/mnt']) {
      expect(fieldOf(() => parseLocationInput(input({ filesystem: { path } }), roots))).toBe('input.filesystem.path');
    }
  });

  it('does not echo an endpoint that carries a password', () => {
    const attempt = () =>
      parseLocationInput(input({ s3: { ...s3, endpoint: 'https://key:hunter2@s3.local' } }));
    expect(attempt).toThrow(BadUserInputError);
    expect(attempt).not.toThrow(/hunter2/);
  });
});
