import { describe, expect, it } from 'vitest';
import { backupListPath, phasesOf, readBackupListParams, toBackupFilter } from './backupListParams.ts';

const none = { clusterId: '', phase: '', labels: '', createdWithin: '', name: '', after: '', started: '' } as const;

describe('the backups list params', () => {
  it('round-trip through the address, leaving out what is empty', () => {
    const path = backupListPath({ clusterId: 'c1', phase: 'inProgress', labels: ' app=shop ', createdWithin: '24h' });
    expect(path).toBe('/backups?cluster=c1&phase=inProgress&labels=app%3Dshop&created=24h');
    expect(readBackupListParams(new URL(path, 'http://x').searchParams)).toEqual({
      ...none,
      clusterId: 'c1',
      phase: 'inProgress',
      labels: 'app=shop',
      createdWithin: '24h',
    });
    expect(backupListPath({})).toBe('/backups');
  });

  it('read unknown choices as "any"', () => {
    expect(readBackupListParams(new URLSearchParams('phase=Exploded&created=1y'))).toEqual(none);
  });

  it('turn phase choices into the API phases', () => {
    expect(phasesOf('')).toBeUndefined();
    expect(phasesOf('inProgress')).toEqual(['Pending', 'Running', 'Deleting']);
    expect(phasesOf('problems')).toEqual(['PartiallyFailed', 'Failed']);
    expect(phasesOf('Completed')).toEqual(['Completed']);
  });
});

describe('toBackupFilter', () => {
  const now = Date.parse('2026-03-01T12:00:00Z');

  it('asks for the tenant only when nothing is chosen', () => {
    expect(toBackupFilter(none, 't1', now)).toEqual({ ok: true, filter: { tenantId: 't1' } });
    expect(toBackupFilter(none, null, now)).toEqual({ ok: true, filter: { tenantId: null } });
  });

  it('carries every chosen filter, counting "created within" back from now', () => {
    const params = { ...none, clusterId: 'c1', phase: 'Failed', labels: 'app=shop', createdWithin: '7d', name: ' nightly ' } as const;
    expect(toBackupFilter(params, 't1', now)).toEqual({
      ok: true,
      filter: {
        tenantId: 't1',
        clusterId: 'c1',
        phases: ['Failed'],
        labels: [{ key: 'app', value: 'shop' }],
        nameContains: 'nightly',
        createdAfter: '2026-02-22T12:00:00.000Z',
      },
    });
  });

  it('refuses labels it cannot read, saying which', () => {
    expect(toBackupFilter({ ...none, labels: 'app' }, 't1', now)).toEqual({ ok: false, error: 'Labels: “app” is not key=value' });
  });
});
