import { describe, expect, it } from 'vitest';
import { parseAgentJobEvent } from './AgentJobEvent.ts';

describe('parseAgentJobEvent', () => {
  it('reads offers and cancellations', () => {
    expect(parseAgentJobEvent({ jobs: { type: 'Offer', jobId: 'j1', attempt: 2, payload: '{}' } })).toEqual({
      type: 'Offer',
      jobId: 'j1',
      attempt: 2,
      payload: '{}',
    });
    expect(parseAgentJobEvent({ jobs: { type: 'Cancel', jobId: 'j1', attempt: null, payload: null } })).toEqual({
      type: 'Cancel',
      jobId: 'j1',
    });
  });

  it('names the bad field', () => {
    expect(() => parseAgentJobEvent({ jobs: { type: 'Pause', jobId: 'j1' } })).toThrow(/^jobs\.type: must be Offer or Cancel/);
    expect(() => parseAgentJobEvent({ jobs: { type: 'Offer', jobId: 'j1', attempt: 0 } })).toThrow(/^jobs\.attempt/);
    expect(() => parseAgentJobEvent({ jobs: { type: 'Offer', jobId: 'j1', attempt: 1, payload: 7 } })).toThrow(/^jobs\.payload/);
    expect(() => parseAgentJobEvent({})).toThrow(/^jobs: must be an object/);
  });
});
