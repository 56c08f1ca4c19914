import { describe, expect, it } from 'vitest';
import { bindForm } from './bindForm.ts';

interface Example {
  name: string;
  kind: 'a' | 'b';
  suspended: boolean;
}

describe('bindForm', () => {
  const form: Example = { name: 'nightly', kind: 'a', suspended: true };

  it('gives a text control its value and changes only its own key', () => {
    const patches: Partial<Example>[] = [];
    const name = bindForm(form, (patch) => patches.push(patch)).text('name');
    name.onChange('weekly');
    expect([name.value, patches]).toEqual(['nightly', [{ name: 'weekly' }]]);
  });

  it('gives a checkbox its state and changes only its own key', () => {
    const patches: Partial<Example>[] = [];
    const suspended = bindForm(form, (patch) => patches.push(patch)).check('suspended');
    suspended.onChange(false);
    expect([suspended.checked, patches]).toEqual([true, [{ suspended: false }]]);
  });
});
