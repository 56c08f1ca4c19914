import { describe, expect, it } from 'vitest';
import { formatLines, formatWords, parseLines, parseWords } from './listText.ts';

describe('list text', () => {
  it('reads words separated by commas, spaces and new lines', () => {
    expect(parseWords(' shop-*, billing\nlogs  ,, ')).toEqual(['shop-*', 'billing', 'logs']);
    expect(parseWords('')).toEqual([]);
  });

  it('reads one entry per line, keeping the commas and spaces of a label selector', () => {
    expect(parseLines('app=web,tier in (db)\n\n  team=shop  \n')).toEqual(['app=web,tier in (db)', 'team=shop']);
  });

  it('formats what it reads back', () => {
    expect(parseWords(formatWords(['a', 'b-*']))).toEqual(['a', 'b-*']);
    expect(parseLines(formatLines(['app=web,tier in (db)', 'x=y']))).toEqual(['app=web,tier in (db)', 'x=y']);
  });
});
