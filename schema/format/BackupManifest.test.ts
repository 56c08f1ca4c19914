import { describe, expect, it } from 'vitest';
import { WireError } from '../contracts/WireError.ts';
import { parseBackupManifest } from './BackupManifest.ts';

/** A well-formed format v1 `backup.json`, as an agent would write it for `backupId`. */
function aManifest(backupId: string): Record<string, unknown> {
  const digest = 'a'.repeat(64);
  return {
    formatVersion: 1,
    backupId,
    backupName: `nightly-${backupId}`,
    clusterId: 'cluster-1',
    spec: { version: 1, clusterId: 'cluster-1', locationId: 'location-1', includeNamespaces: ['shop'] },
    startedAt: '2026-12-01T10:00:00.000Z',
    completedAt: '2026-12-01T10:01:00.000Z',
    phase: 'Completed',
    countsByKind: { configmaps: 2 },
    itemCount: 2,
    bytes: 300,
    archive: { key: 'resources.tar.gz', size: 100, sha256: digest },
    index: { key: 'index.jsonl', size: 100, sha256: digest },
    log: { key: 'log.jsonl', size: 100, sha256: digest },
    warningCount: 0,
    errorCount: 0,
  };
}

describe('parseBackupManifest', () => {
  it('reads a format v1 backup.json', () => {
    expect(parseBackupManifest(aManifest('b-1'))).toEqual(aManifest('b-1'));
  });

  it('refuses a backup.json of a newer format version rather than reading it as v1, saying to upgrade', () => {
    for (const formatVersion of [2, '1', undefined]) {
      expect(() => parseBackupManifest({ ...aManifest('b-1'), formatVersion })).toThrow(WireError);
    }
    expect(() => parseBackupManifest({ ...aManifest('b-1'), formatVersion: 2 })).toThrow(
      /^formatVersion: 2 is not a format version this Fleetback reads \(it reads 1\); .*upgrade/,
    );
  });
});
