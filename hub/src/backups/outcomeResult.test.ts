import { describe, expect, it } from 'vitest';
import type { OperationOutcome } from '#schema/agent/OperationOutcome';
import { failedResult, outcomeResult, resultProblems } from './outcomeResult.ts';

const denied = { type: 'secrets', namespace: 'shop', name: null, message: 'could not be listed: HTTP 403' };
const outcome: OperationOutcome = {
  phase: 'PartiallyFailed',
  countsByKind: { configmaps: 2 },
  bytes: 10,
  warnings: [],
  errors: ['secrets shop: could not be listed: HTTP 403'],
  problems: { warnings: [], errors: [denied] },
};

describe('outcomeResult', () => {
  it('keeps the problems with their objects beside the lines', () => {
    const result = outcomeResult(outcome);
    expect(result).toEqual({ countsByKind: { configmaps: 2 }, warnings: [], errors: outcome.errors, problems: outcome.problems });
    expect(resultProblems(result)).toEqual({ warnings: [], errors: [denied] });
  });

  it('gives the lines of an older agent, and a failure, as problems of no one object', () => {
    const { problems: _problems, ...older } = outcome;
    expect(resultProblems(outcomeResult(older)).errors).toEqual([
      { type: null, namespace: null, name: null, message: 'secrets shop: could not be listed: HTTP 403' },
    ]);
    expect(resultProblems(failedResult('the location is gone'))).toEqual({
      warnings: [],
      errors: [{ type: null, namespace: null, name: null, message: 'the location is gone' }],
    });
  });
});
