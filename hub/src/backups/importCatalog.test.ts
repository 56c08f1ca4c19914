import { describe, expect, it } from 'vitest';
import { aManifest } from '../../../test/kit/aManifest.ts';
import { BadUserInputError } from '../errors/errors.ts';
import { parseCatalogOutcome } from './importCatalog.ts';

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

  it('refuses a report that is not a catalog read', () => {
    expect(() => parseCatalogOutcome({ backups: [] })).toThrow(BadUserInputError);
  });
});
