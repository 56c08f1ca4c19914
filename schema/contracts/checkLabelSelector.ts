import { parseLabelSelector } from './parseLabelSelector.ts';
import { SpecError } from './SpecError.ts';

/** A `Check` for one selector of a spec's `labelSelectors`: parseable and not empty. */
export function checkLabelSelector(text: string): string | undefined {
  if (text.trim() === '') return 'must not be empty; give no selector at all to select everything';
  try {
    parseLabelSelector(text);
    return undefined;
  } catch (error) {
    if (error instanceof SpecError) return error.problem;
    throw error;
  }
}
