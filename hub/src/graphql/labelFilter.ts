import { BadUserInputError } from '../errors/errors.ts';
import type { LabelInput } from './Label.ts';
import { validateLabels } from './validateName.ts';

/** The most labels one filter may require; Kubernetes objects rarely carry more than a handful. */
export const maxFilterLabels = 32;

/**
 * Turns a `labels` filter into the labels a row must all carry. Each key and value must be a valid
 * Kubernetes label, so no key can reach the query as a property name of its own (`__proto__` would empty
 * the condition and match everything); a key given twice with different values can match nothing and is
 * refused as well.
 */
export function labelFilter(field: string, list: readonly LabelInput[]): Record<string, string> {
  if (list.length > maxFilterLabels) {
    throw new BadUserInputError(field, `must hold at most ${maxFilterLabels} labels`);
  }
  const labels = new Map<string, string>();
  for (const { key, value } of list) {
    const earlier = labels.get(key);
    if (earlier !== undefined && earlier !== value) {
      throw new BadUserInputError(`${field}.${key}`, 'is given twice with different values');
    }
    labels.set(key, value);
  }
  return validateLabels(field, Object.fromEntries(labels));
}
