import { buildSchema, parse, validate } from 'graphql';
import { describe, expect, it } from 'vitest';
import { depthLimit } from './depthLimit.ts';

const schema = buildSchema('type Node { name: String, child: Node } type Query { root: Node }');
const nested = (depth: number) => `{ root ${'{ child '.repeat(depth - 1)}{ name }${' }'.repeat(depth - 1)} }`;
const errorsOf = (query: string) => validate(schema, parse(query), [depthLimit(4)]).map((e) => e.message);

describe('depthLimit', () => {
  it('passes an operation at the limit', () => {
    expect(errorsOf(nested(3))).toEqual([]);
  });

  it('refuses an operation past the limit', () => {
    expect(errorsOf(nested(4))).toEqual(['the operation is nested 5 fields deep; the limit is 4']);
  });

  it('counts through fragments and does not loop on a self-referencing one', () => {
    const viaFragment =
      '{ root { ...F } } fragment F on Node { child { child { child { child { name } } } } }';
    expect(errorsOf(viaFragment)).toHaveLength(1);
    const cyclic = '{ root { ...F } } fragment F on Node { name ...F }';
    // graphql's own NoFragmentCycles rule reports the cycle; this rule must only terminate.
    expect(errorsOf(cyclic)).toEqual([]);
  });
});
