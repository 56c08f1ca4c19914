import { parseLabelSelector } from './parseLabelSelector.ts';
import { WireError } from './WireError.ts';

/** A `Check` for one selector of a spec's `labelSelectors`: parseable and not empty. */
export function checkLabelSelector(text: string): string | undefined {
  if (text.trim() === '') return 'must not be empty; give no selector at all to select everything';
  try {
    parseLabelSelector(text);
    return undefined;
  } catch (error) {
    if (error instanceof WireError) return error.problem;
    throw error;
  }
}
