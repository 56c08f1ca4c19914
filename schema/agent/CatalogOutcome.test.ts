import { describe, expect, it } from 'vitest';
import { WireError } from '../contracts/WireError.ts';
import { parseCatalogOutcome } from './CatalogOutcome.ts';

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

describe('parseCatalogOutcome', () => {
  it('a backup of a newer format or spec version does not hide the others: it is listed unreadable with why', () => {
    const newerFormat = { ...aManifest('b-2'), formatVersion: 2 };
    const newerSpec = { ...aManifest('b-3'), spec: { ...(aManifest('b-3').spec as object), version: 2 } };
    const catalog = parseCatalogOutcome({ backups: [aManifest('b-1'), newerFormat, newerSpec, 7], unreadable: ['backups/x/backup.json: not JSON'] });
    expect(catalog.backups.map((manifest) => manifest.backupId)).toEqual(['b-1']);
    expect(catalog.unreadable).toEqual([
      'backups/x/backup.json: not JSON',
      expect.stringMatching(/^backups\/b-2\/backup\.json: formatVersion: 2 is not a format version this Fleetback reads/),
      expect.stringMatching(/^backups\/b-3\/backup\.json: version: /),
      'backup 4 of the report: backup.json: must be an object',
    ]);
  });

  it('refuses an unreadable entry that is not a string', () => {
    expect(() => parseCatalogOutcome({ backups: [], unreadable: [7] })).toThrow(/outcome\.unreadable\[0\]/);
  });

  it('refuses a report that is not a catalog read', () => {
    expect(() => parseCatalogOutcome({ backups: [] })).toThrow(WireError);
  });
});
