import { expect, it } from 'vitest';
import { parseLabelFilter } from './parseLabelFilter.ts';

it('reads comma-separated key=value pairs, ignoring blanks and spaces around them', () => {
  expect(parseLabelFilter(' app=shop , tier=db,, ')).toEqual({
    ok: true,
    labels: [
      { key: 'app', value: 'shop' },
      { key: 'tier', value: 'db' },
    ],
  });
  expect(parseLabelFilter('')).toEqual({ ok: true, labels: [] });
  expect(parseLabelFilter('fleetback.io/schedule=nightly')).toEqual({
    ok: true,
    labels: [{ key: 'fleetback.io/schedule', value: 'nightly' }],
  });
  expect(parseLabelFilter('empty=')).toEqual({ ok: true, labels: [{ key: 'empty', value: '' }] });
});

it.each(['app', '=shop', 'app!=shop', 'app==shop', 'my app=shop', 'app in (shop)'])('refuses %s, naming it', (text) => {
  const result = parseLabelFilter(`ok=1,${text}`);
  expect(result).toEqual({ ok: false, error: `“${text}” is not key=value` });
});
