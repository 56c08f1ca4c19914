import { defineOperation, type Operation } from '../api/Operation.ts';

/** A page of a connection as the API returns it. */
export interface Connection<TRow> {
  totalCount: number;
  edges: readonly { node: TRow }[];
}

/** The list a settings screen reads: one tenant's, in one query, of at most `pageSize` rows. */
export interface SettingsList<TData, TRow> {
  query: Operation<TData, { tenantId: string }>;
  /** Where the rows are in the answer (which may hold lookups beside them). */
  rows: (data: TData) => Connection<TRow>;
  /** The `first:` the query asks for; past it, the screen says it shows only those. */
  pageSize: number;
}

/**
 * How many rows (and of each lookup) a settings list reads. Settings are few per tenant; past it, the screen says
 * it shows only the first ones, by name.
 */
export const settingsPageSize = 100;

/** A settings list from its query, which asks for `first: ${settingsPageSize}`, and where its rows are. */
export function settingsList<TData, TRow>(document: string, rows: (data: TData) => Connection<TRow>): SettingsList<TData, TRow> {
  return { query: defineOperation(document), rows, pageSize: settingsPageSize };
}
