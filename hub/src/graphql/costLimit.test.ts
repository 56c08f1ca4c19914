import { buildSchema, parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { checkCost } from './costLimit.ts';

const schema = buildSchema('type Item { a: Int b: Int } type Query { items(first: Int): [Item] one: Item }');
const costOf = (query: string, variables = {}) => () =>
  checkCost({ schema, document: parse(query), operationName: undefined, variables }, 1_000);

describe('checkCost', () => {
  it('passes an operation within the limit', () => {
    expect(costOf('{ items(first: 100) { a b } }')).not.toThrow();
  });

  it('prices a page by its size, taken from the variables too', () => {
    expect(costOf('query($n: Int) { items(first: $n) { a b } }', { n: 600 })).toThrow(
      /estimated cost 1201 exceeds the limit 1000/,
    );
  });

  it('refuses an operation of more fields than the estimator walks, with the same code', () => {
    const aliases = Array.from({ length: 6_000 }, (_, i) => `o${i}: one { a }`).join(' ');
    expect(costOf(`{ ${aliases} }`)).toThrow(/selects more than 10000 fields, which exceeds the limit 1000/);
  });
});
