/**
 * A spec (backup, restore, …) failed validation. `field` is the path inside the spec as its author wrote it
 * (`labelSelectors[1]`, `namespaceMapping.shop`), so the hub can name it in its own error and an agent in
 * its report; `problem` completes the sentence "field …".
 */
export class SpecError extends Error {
  override readonly name = 'SpecError';

  constructor(
    readonly field: string,
    readonly problem: string,
  ) {
    super(`${field}: ${problem}`);
  }
}
