import { describe, expect, it } from 'vitest';
import { parseOperationOutcome } from './OperationOutcome.ts';

const good = { phase: 'Completed', countsByKind: { ConfigMap: 2 }, bytes: 10, warnings: [], errors: [] };

describe('parseOperationOutcome', () => {
  it('accepts a well-formed outcome', () => {
    expect(parseOperationOutcome(good)).toEqual(good);
  });

  it('names the bad field', () => {
    expect(() => parseOperationOutcome(null)).toThrow(/^outcome: must be an object/);
    expect(() => parseOperationOutcome({ ...good, phase: 'Done' })).toThrow(/outcome\.phase/);
    expect(() => parseOperationOutcome({ ...good, countsByKind: { Pod: -1 } })).toThrow(/countsByKind\.Pod/);
    expect(() => parseOperationOutcome({ ...good, bytes: 'x' })).toThrow(/outcome\.bytes/);
    expect(() => parseOperationOutcome({ ...good, warnings: [1] })).toThrow(/outcome\.warnings/);
  });

  it('refuses a Completed outcome that lists errors', () => {
    expect(() => parseOperationOutcome({ ...good, errors: ['x failed'] })).toThrow(/PartiallyFailed/);
  });
});
