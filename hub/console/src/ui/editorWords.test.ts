import { describe, expect, it } from 'vitest';
import { editorWords } from './editorWords.ts';

describe('editorWords', () => {
  it('names a new one and says the hub did not create it', () => {
    expect(editorWords('rule', undefined)).toEqual({
      title: 'New rule',
      failed: 'The hub did not create the rule',
      submit: 'Create rule',
      busy: 'Saving…',
    });
  });

  it('names the one being edited and says the hub did not save it', () => {
    expect(editorWords('policy', { name: 'nightly' }, { newTitle: 'New schedule policy' })).toEqual({
      title: 'Edit policy nightly',
      failed: 'The hub did not save the policy',
      submit: 'Save policy',
      busy: 'Saving…',
    });
  });

  it('uses the verb given for a new one', () => {
    const words = editorWords('credential', undefined, { create: 'store' });
    expect([words.submit, words.failed]).toEqual(['Store credential', 'The hub did not store the credential']);
  });
});
