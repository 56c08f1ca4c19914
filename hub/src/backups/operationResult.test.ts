import { describe, expect, it } from 'vitest';
import type { OperationOutcome } from '#schema/agent/OperationOutcome';
import { BadUserInputError } from '../errors/errors.ts';
import { endedOperation, failedOperation, parseOutcomeInput, resultProblems } from './operationResult.ts';

const denied = { type: 'secrets', namespace: 'shop', name: null, message: 'could not be listed: HTTP 403' };
const outcome: OperationOutcome = {
  phase: 'PartiallyFailed',
  countsByKind: { configmaps: 2 },
  bytes: 10,
  warnings: [],
  errors: ['secrets shop: could not be listed: HTTP 403'],
  problems: { warnings: [], errors: [denied] },
};
const now = new Date('2026-12-07T10:00:00Z');

describe('endedOperation', () => {
  it('keeps the problems with their objects beside the lines', () => {
    const { result } = endedOperation(outcome, now);
    expect(result).toEqual({ countsByKind: { configmaps: 2 }, warnings: [], errors: outcome.errors, problems: outcome.problems });
    expect(resultProblems(result)).toEqual({ warnings: [], errors: [denied] });
  });

  it('gives the lines of an older agent, and a failure, as problems of no one object', () => {
    const { problems: _problems, ...older } = outcome;
    expect(resultProblems(endedOperation(older, now).result).errors).toEqual([
      { type: null, namespace: null, name: null, message: 'secrets shop: could not be listed: HTTP 403' },
    ]);
    expect(resultProblems(failedOperation('the location is gone', now).result)).toEqual({
      warnings: [],
      errors: [{ type: null, namespace: null, name: null, message: 'the location is gone' }],
    });
  });
});

describe('parseOutcomeInput', () => {
  it('refuses a malformed outcome as bad input naming the field', () => {
    expect(() => parseOutcomeInput({ ...outcome, bytes: -1 })).toThrow(BadUserInputError);
    expect(() => parseOutcomeInput({ ...outcome, bytes: -1 })).toThrow(/^outcome\.bytes: must be ≥ 0$/);
  });
});
