import { describe, expect, it } from 'vitest';
import { applicationPath, isFiltered, readNamespaceFilterParams, splitList, toInventoryFilter } from './namespaceFilterParams.ts';

const noFilter = { namespaces: '', namespaceSelector: '', labelSelector: '' };

describe('the application view filters', () => {
  it('split name lists on commas and spaces', () => {
    expect(splitList(' shop-*, db  cache,,')).toEqual(['shop-*', 'db', 'cache']);
    expect(splitList('  ')).toEqual([]);
  });

  it('round-trip through the address', () => {
    const params = { namespaces: 'shop-* db', namespaceSelector: ' team=web ', labelSelector: 'app in (shop)' };
    const path = applicationPath('c 1', params);
    expect(path).toBe('/applications/c%201?ns=shop-*%2Cdb&nsSelector=team%3Dweb&selector=app+in+%28shop%29');
    expect(readNamespaceFilterParams(new URL(path, 'http://x').searchParams)).toEqual({
      namespaces: 'shop-*,db',
      namespaceSelector: 'team=web',
      labelSelector: 'app in (shop)',
    });
    expect(applicationPath('c1', noFilter)).toBe('/applications/c1');
  });

  it('become the API filter, leaving out what is blank', () => {
    expect(toInventoryFilter(noFilter)).toEqual({});
    expect(isFiltered(noFilter)).toBe(false);
    expect(toInventoryFilter({ namespaces: 'a,b', namespaceSelector: 'x=y', labelSelector: ' ' })).toEqual({
      namespaces: ['a', 'b'],
      namespaceSelector: 'x=y',
    });
    expect(isFiltered({ ...noFilter, labelSelector: 'app=web' })).toBe(true);
  });
});
