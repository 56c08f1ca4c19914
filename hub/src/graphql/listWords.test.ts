import { describe, expect, it } from 'vitest';
import { listWords } from './listWords.ts';

describe('listWords', () => {
  it('lists one, two and more words as a sentence does', () => {
    expect(listWords(['s3'], 'and')).toBe('s3');
    expect(listWords(['aws', 'gcp'], 'and')).toBe('aws and gcp');
    expect(listWords(['s3', 'azure', 'gcs', 'filesystem'], 'or')).toBe('s3, azure, gcs or filesystem');
  });
});
