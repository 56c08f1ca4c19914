import { describe, expect, it } from 'vitest';
import { parseRestoreItemReport, type RestoreItemWire, restoreItemWireOf } from './RestoreItemReport.ts';

const created: RestoreItemWire = {
  index: 0,
  type: 'deployments.apps',
  namespace: 'shop',
  name: 'web',
  result: 'created',
  uid: 'c0ffee',
  reason: null,
  error: null,
};

describe('parseRestoreItemReport', () => {
  it('accepts each result with its own detail, and round-trips what the agent sends', () => {
    const skipped = { ...created, index: 1, result: 'skipped', uid: null, reason: 'exists' };
    const failed = { ...created, index: 2, namespace: null, result: 'failed', uid: null, error: 'forbidden' };
    const replaced = { ...created, index: 3, reason: 'replaced: deleted and created anew' };
    const updatedInstead = { ...created, index: 4, result: 'updated', reason: 'updated in place instead of replaced' };
    for (const wire of [created, skipped, failed, replaced, updatedInstead]) {
      expect(restoreItemWireOf(parseRestoreItemReport(wire, 'items[0]'))).toEqual(wire);
    }
    expect(parseRestoreItemReport({ ...created, uid: '' }, 'items[0]')).toMatchObject({ uid: '' });
  });

  it.each([
    [{ index: -1 }, 'items[4].index'],
    [{ index: 1.5 }, 'items[4].index'],
    [{ type: '' }, 'items[4].type'],
    [{ name: 'x'.repeat(254) }, 'items[4].name'],
    [{ namespace: '' }, 'items[4].namespace'],
    [{ result: 'deleted' }, 'items[4].result'],
    [{ uid: null }, 'items[4].uid'],
    [{ reason: '' }, 'items[4].reason'],
    [{ result: 'failed', uid: null, reason: 'why', error: 'broke' }, 'items[4].reason'],
    [{ result: 'failed', uid: null, error: '' }, 'items[4].error'],
    [{ result: 'skipped', uid: null }, 'items[4].reason'],
  ])('refuses %j naming %s', (change, field) => {
    expect(() => parseRestoreItemReport({ ...created, ...change }, 'items[4]')).toThrow(
      expect.objectContaining({ name: 'WireError', field }),
    );
  });

  it('cuts a long message instead of refusing it', () => {
    const long = parseRestoreItemReport({ ...created, result: 'failed', uid: null, error: 'e'.repeat(5000) }, 'i');
    expect(long).toMatchObject({ result: 'failed', error: 'e'.repeat(4000) });
  });
});
