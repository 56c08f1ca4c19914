import { expect, it } from 'vitest';
import { progressView } from './progressView.ts';

const progress = (itemsDone: number, itemsTotal: number, bytes = 0) => ({ itemsDone, itemsTotal, bytes });

it('is indeterminate while waiting, starting, and while the total grows with the items done', () => {
  expect(progressView('Pending', progress(0, 0))).toEqual({ fraction: null, tone: 'active', text: 'Waiting for the agent' });
  expect(progressView('Running', progress(0, 0))).toEqual({ fraction: null, tone: 'active', text: 'Starting' });
  expect(progressView('Running', progress(1412, 1412, 3.1 * 1024 ** 2))).toEqual({
    fraction: null,
    tone: 'active',
    text: '1,412 items · 3.1 MiB',
  });
});

it('fills by items when the agent knows the total', () => {
  expect(progressView('Running', progress(25, 100, 2048))).toEqual({
    fraction: 0.25,
    tone: 'active',
    text: '25 of 100 items · 2 KiB',
  });
});

it('is full at the end, coloured by the outcome', () => {
  expect(progressView('Completed', progress(1, 1, 512))).toEqual({ fraction: 1, tone: 'ok', text: 'Completed · 1 item · 512 B' });
  expect(progressView('PartiallyFailed', progress(9, 9, 0)).tone).toBe('warn');
  expect(progressView('Failed', progress(3, 3))).toEqual({ fraction: 1, tone: 'bad', text: 'Failed' });
  expect(progressView('Deleting', progress(3, 3))).toEqual({ fraction: null, tone: 'bad', text: 'Deleting' });
});
