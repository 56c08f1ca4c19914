import { describe, expect, it } from 'vitest';
import { WireError } from '#schema/contracts/WireError';
import type { IndexEntry } from './IndexEntry.ts';
import { parseIndexEntry } from './parseIndexEntry.ts';

const entry: IndexEntry = {
  path: 'resources/apps/v1/deployments/shop/web.json', group: 'apps', version: 'v1', kind: 'Deployment',
  resource: 'deployments', namespace: 'shop', name: 'web', labels: { app: 'web' }, size: 120, sha256: 'a'.repeat(64),
};

describe('parseIndexEntry', () => {
  it('reads an entry as the archive writer writes it, cluster-scoped ones with a null namespace', () => {
    expect(parseIndexEntry(JSON.parse(JSON.stringify(entry)))).toEqual(entry);
    expect(parseIndexEntry({ ...entry, group: '', namespace: null, labels: {} })).toEqual({
      ...entry, group: '', namespace: null, labels: {},
    });
  });

  it('names the field of an index line that lacks one, instead of a TypeError later', () => {
    const { kind: _kind, ...withoutKind } = entry;
    expect(() => parseIndexEntry(withoutKind)).toThrow(new WireError('kind', 'must be a string'));
    const { labels: _labels, ...withoutLabels } = entry;
    expect(() => parseIndexEntry(withoutLabels)).toThrow(new WireError('labels', 'must be an object'));
  });

  it('names the field of the wrong type', () => {
    expect(() => parseIndexEntry({ ...entry, size: '120' })).toThrow(new WireError('size', 'must be a count'));
    expect(() => parseIndexEntry({ ...entry, size: -1 })).toThrow(new WireError('size', 'must be a count'));
    expect(() => parseIndexEntry({ ...entry, namespace: 3 })).toThrow(new WireError('namespace', 'must be a string or null'));
    expect(() => parseIndexEntry({ ...entry, labels: { app: 1 } })).toThrow(new WireError('labels.app', 'must be a string'));
    expect(() => parseIndexEntry({ ...entry, labels: ['web'] })).toThrow(new WireError('labels', 'must be an object'));
  });

  it('refuses a line that is not an object', () => {
    for (const value of [null, 'web', [entry], 7]) {
      expect(() => parseIndexEntry(value)).toThrow(new WireError('', 'must be an object'));
    }
  });
});
