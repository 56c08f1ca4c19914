import { describe, expect, it } from 'vitest';
import { BackupManifestError, parseBackupManifest } from './BackupManifest.ts';
import { aManifest } from '../../test/kit/aManifest.ts';

describe('parseBackupManifest', () => {
  it('reads a format v1 backup.json', () => {
    expect(parseBackupManifest(aManifest('b-1'))).toEqual(aManifest('b-1'));
  });

  it('refuses a backup.json of a newer format version rather than reading it as v1, saying to upgrade', () => {
    for (const formatVersion of [2, '1', undefined]) {
      expect(() => parseBackupManifest({ ...aManifest('b-1'), formatVersion })).toThrow(BackupManifestError);
    }
    expect(() => parseBackupManifest({ ...aManifest('b-1'), formatVersion: 2 })).toThrow(
      /^formatVersion: 2 is not a format version this Fleetback reads \(it reads 1\); .*upgrade/,
    );
  });
});
