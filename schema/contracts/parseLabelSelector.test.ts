import { describe, expect, it } from 'vitest';
import { matchesAnyLabelSelector, matchesLabelSelector } from './matchesLabelSelector.ts';
import { parseLabelSelector } from './parseLabelSelector.ts';
import { WireError } from './WireError.ts';

function problemOf(text: string): string {
  try {
    parseLabelSelector(text, 'labelSelectors[0]');
  } catch (error) {
    if (error instanceof WireError) {
      expect(error.field).toBe('labelSelectors[0]');
      return error.problem;
    }
    throw error;
  }
  throw new Error(`'${text}' parsed`);
}

describe('parseLabelSelector', () => {
  it('parses equality requirements in all spellings', () => {
    expect(parseLabelSelector('app=web, tier==front,env!=dev')).toEqual([
      { key: 'app', operator: 'Equals', value: 'web' },
      { key: 'tier', operator: 'Equals', value: 'front' },
      { key: 'env', operator: 'NotEquals', value: 'dev' },
    ]);
  });

  it('parses set-based requirements, existence and comparisons', () => {
    expect(
      parseLabelSelector(
        'env in (prod, staging),tier notin (db),release,!canary,app.kubernetes.io/name=x,n>2',
      ),
    ).toEqual([
      { key: 'env', operator: 'In', values: ['prod', 'staging'] },
      { key: 'tier', operator: 'NotIn', values: ['db'] },
      { key: 'release', operator: 'Exists' },
      { key: 'canary', operator: 'DoesNotExist' },
      { key: 'app.kubernetes.io/name', operator: 'Equals', value: 'x' },
      { key: 'n', operator: 'GreaterThan', value: 2 },
    ]);
  });

  it('treats an empty text as select-everything and `key=` as the empty value', () => {
    expect(parseLabelSelector('  ')).toEqual([]);
    expect(parseLabelSelector('app=')).toEqual([{ key: 'app', operator: 'Equals', value: '' }]);
  });

  it('names the problem and its position', () => {
    expect(problemOf('app=web,')).toMatch(/label key at the end/);
    expect(problemOf('app in ()')).toMatch(/at least one value/);
    expect(problemOf('app in (a b)')).toMatch(/expected ',' or '\)' at position 11/);
    expect(problemOf('app web')).toMatch(/expected an operator .* at position 5/);
    expect(problemOf('app=web tier=db')).toMatch(/expected ',' between requirements/);
    expect(problemOf('-bad=x')).toMatch(/not a label key/);
    expect(problemOf('app=-x-')).toMatch(/not a label value/);
    expect(problemOf('n>two')).toMatch(/integer/);
    expect(problemOf('Example.com/app=x')).toMatch(/invalid prefix/);
    expect(problemOf('app in prod')).toMatch(/expected '\('/);
  });
});

describe('matchesLabelSelector', () => {
  const labels = { app: 'web', env: 'prod', replicas: '3' };
  const matches = (text: string) => matchesLabelSelector(parseLabelSelector(text), labels);

  it('follows Kubernetes semantics', () => {
    expect(matches('app=web,env in (prod,staging)')).toBe(true);
    expect(matches('app=web,env=dev')).toBe(false);
    expect(matches('tier!=db')).toBe(true); // absent label satisfies !=
    expect(matches('tier notin (db)')).toBe(true);
    expect(matches('tier in (db)')).toBe(false);
    expect(matches('app,!canary')).toBe(true);
    expect(matches('replicas>2,replicas<4')).toBe(true);
    expect(matches('env>1')).toBe(false);
    expect(matches('')).toBe(true);
  });

  it('ORs several selectors, and none selects everything', () => {
    const selectors = ['app=db', 'env=prod'].map((s) => parseLabelSelector(s));
    expect(matchesAnyLabelSelector(selectors, labels)).toBe(true);
    expect(matchesAnyLabelSelector(selectors.slice(0, 1), labels)).toBe(false);
    expect(matchesAnyLabelSelector([], labels)).toBe(true);
  });
});
