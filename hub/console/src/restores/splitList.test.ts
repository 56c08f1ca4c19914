import { expect, it } from 'vitest';
import { splitLines, splitList } from './splitList.ts';

it('splits a typed list on commas, spaces and new lines, without blanks or duplicates', () => {
  expect(splitList(' shop, db  shop-*\nshop,, ')).toEqual(['shop', 'db', 'shop-*']);
  expect(splitList('   ')).toEqual([]);
});

it('keeps each line whole, so a selector may hold commas and spaces', () => {
  expect(splitLines('app=shop,tier in (web, api)\n\n  team=payments  \napp=shop,tier in (web, api)')).toEqual([
    'app=shop,tier in (web, api)',
    'team=payments',
  ]);
});
