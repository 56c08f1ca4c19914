import { WireError } from '../contracts/WireError.ts';
import type { CatalogOutcome } from './CatalogOutcome.ts';
import { boundOutcome, type OperationOutcome } from './OperationOutcome.ts';

/**
 * The `outcome` argument of `completeJob` as an agent sends it: the job's outcome as JSON, a backup's or
 * restore's bounded as the hub keeps it (the hub refuses frames past 16 MiB); null for a job that has none.
 */
export function outcomeText(outcome: OperationOutcome | CatalogOutcome | undefined): string | null {
  if (outcome === undefined) return null;
  return JSON.stringify('phase' in outcome ? boundOutcome(outcome) : outcome);
}

/**
 * Reads the `outcome` argument of `completeJob` with `parse`, the parser of the outcome the job's kind carries
 * (`parseOperationOutcome`, `parseCatalogOutcome`). Throws a `WireError` naming `outcome` when it is absent or
 * not JSON, or whatever field `parse` finds wrong.
 */
export function parseOutcomeText<T>(text: string | null, parse: (value: unknown) => T): T {
  if (text === null) throw new WireError('outcome', 'is required for a job of this kind');
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new WireError('outcome', 'must be JSON');
  }
  return parse(value);
}
