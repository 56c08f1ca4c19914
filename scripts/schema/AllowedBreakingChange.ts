import { BreakingChangeType } from 'graphql';

/** The schemas whose evolution is checked, by their file name under `schema/` and `schema/released/`. */
export const checkedSchemas = ['hub.graphql', 'agent.graphql'] as const;
export type CheckedSchema = (typeof checkedSchemas)[number];

/**
 * A breaking change someone reviewed and accepted, from `schema/released/allowedBreakingChanges.json`. It
 * matches the one change of `schema` whose graphql-js `type` and `description` are exactly these.
 */
export interface AllowedBreakingChange {
  schema: CheckedSchema;
  type: BreakingChangeType;
  /** graphql-js's description of the change, as the check prints it (`Query.cluster was removed.`). */
  description: string;
  /** Why breaking older clients (or older agents) is acceptable here, for the reviewer and the release notes. */
  reason: string;
}

/** An allow-list that does not parse; the message names the entry and field. */
export class AllowListError extends Error {
  override readonly name = 'AllowListError';
}

const types: readonly string[] = Object.values(BreakingChangeType);

/** Parses the allow-list file's JSON; every entry must name its schema, the change exactly, and a reason. */
export function parseAllowedBreakingChanges(value: unknown): AllowedBreakingChange[] {
  if (!Array.isArray(value)) throw new AllowListError('the allow-list must be a JSON array');
  return value.map((entry: unknown, i) => {
    if (typeof entry !== 'object' || entry === null) throw new AllowListError(`[${i}]: must be an object`);
    const { schema, type, description, reason } = entry as Record<string, unknown>;
    if (!checkedSchemas.includes(schema as CheckedSchema)) {
      throw new AllowListError(`[${i}].schema: must be one of ${checkedSchemas.join(', ')}`);
    }
    if (typeof type !== 'string' || !types.includes(type)) {
      throw new AllowListError(`[${i}].type: must be a graphql-js BreakingChangeType (${types.join(', ')})`);
    }
    for (const [field, text] of [['description', description], ['reason', reason]] as const) {
      if (typeof text !== 'string' || !text.trim()) throw new AllowListError(`[${i}].${field}: must be a non-empty string`);
    }
    return { schema, type, description, reason } as AllowedBreakingChange;
  });
}
