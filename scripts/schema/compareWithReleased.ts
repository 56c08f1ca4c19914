import { type BreakingChange, buildSchema, type DangerousChange, findBreakingChanges, findDangerousChanges } from 'graphql';
import type { AllowedBreakingChange, CheckedSchema } from './AllowedBreakingChange.ts';

/** How a schema differs from its released copy, as far as clients of the released one are concerned. */
export interface SchemaComparison {
  /** Breaking changes no allow-list entry accepts: the check fails on any. */
  unlisted: BreakingChange[];
  /** Breaking changes an allow-list entry accepts. */
  allowed: BreakingChange[];
  /** Allow-list entries of this schema that match no change (already released, or the change was undone). */
  stale: AllowedBreakingChange[];
  /** Changes that break nothing at once but can change what a released client sees (a new enum value, a new
   * optional argument); printed for the reviewer, never failing. */
  dangerous: DangerousChange[];
}

/**
 * Compares the SDL of `current` with the `released` SDL of the same schema (graphql-js `findBreakingChanges`
 * and `findDangerousChanges`, released first) and sorts the breaking changes by the allow-list.
 */
export function compareWithReleased(
  schema: CheckedSchema,
  released: string,
  current: string,
  allowList: readonly AllowedBreakingChange[],
): SchemaComparison {
  const before = buildSchema(released);
  const after = buildSchema(current);
  const entries = allowList.filter((entry) => entry.schema === schema);
  const matches = (change: BreakingChange) => (entry: AllowedBreakingChange) =>
    entry.type === change.type && entry.description === change.description;
  const breaking = findBreakingChanges(before, after);
  return {
    unlisted: breaking.filter((change) => !entries.some(matches(change))),
    allowed: breaking.filter((change) => entries.some(matches(change))),
    stale: entries.filter((entry) => !breaking.some((change) => matches(change)(entry))),
    dangerous: findDangerousChanges(before, after),
  };
}
