import { describe, expect, it } from 'vitest';
import { parseJobStart, parseSettlement, parseStopAnswer } from './jobAnswers.ts';

describe('the hub’s answers to job mutations', () => {
  it('reads them', () => {
    expect(parseJobStart({ ackJob: { run: false, reason: 'it ended already' } })).toEqual({ run: false, reason: 'it ended already' });
    expect(parseStopAnswer({ reportProgress: { stop: true, reason: null } }, 'reportProgress')).toEqual({ stop: true, reason: null });
    expect(parseSettlement({ failJob: { accepted: true } }, 'failJob')).toEqual({ accepted: true });
  });

  it('reads an absent flag as the safe side, and names a bad field', () => {
    expect(parseJobStart({ ackJob: {} })).toEqual({ run: false, reason: null });
    expect(() => parseJobStart({ ackJob: { run: 'yes' } })).toThrow(/^ackJob\.run: must be true or false/);
    expect(() => parseSettlement(null, 'completeJob')).toThrow(/must be an object/);
    expect(() => parseStopAnswer({}, 'reportRestoreItems')).toThrow(/^reportRestoreItems: must be an object/);
  });
});
