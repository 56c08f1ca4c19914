import type { EntityManager, EntityName, FilterQuery } from '@mikro-orm/core';
import { BadUserInputError } from '../errors/errors.ts';
import type { Page, PageArgs } from './Connection.ts';
import { decodeCursor, encodeCursor } from './cursor.ts';

export interface PaginateOptions<Row> {
  /** The sort key: a string or number column, with `id` breaking ties so the order is total and stable. */
  sortBy: keyof Row & string;
  direction: 'asc' | 'desc';
}

/**
 * Reads one page of `entity` rows matching `where`, by keyset (not offset): pages stay consistent while rows
 * are added, and a deep page costs what the first one does.
 */
export async function paginate<Row extends { id: string }, Node>(
  em: EntityManager,
  entity: EntityName<Row>,
  where: FilterQuery<Row>,
  args: PageArgs,
  options: PaginateOptions<Row>,
  toNode: (row: Row) => Node,
): Promise<Page<Node>> {
  if (!Number.isInteger(args.first) || args.first < 1 || args.first > 500) {
    throw new BadUserInputError('first', 'must be between 1 and 500');
  }
  const { sortBy, direction } = options;
  const op = direction === 'asc' ? '$gt' : '$lt';
  let keyset: FilterQuery<Row> | undefined;
  if (args.after) {
    const { key, id } = decodeCursor(args.after, 'after');
    const value = typeof key === 'string' && isoDate.test(key) ? new Date(key) : key;
    keyset = {
      $or: [{ [sortBy]: { [op]: value } }, { [sortBy]: value, id: { [op]: id } }],
    } as FilterQuery<Row>;
  }
  const filter = (keyset ? { $and: [where, keyset] } : where) as FilterQuery<Row>;
  const [rows, totalCount] = await Promise.all([
    em.find(entity, filter, {
      orderBy: [{ [sortBy]: direction }, { id: direction }] as never,
      limit: args.first + 1,
    }),
    em.count(entity, where),
  ]);
  const hasNextPage = rows.length > args.first;
  const edges = rows.slice(0, args.first).map((row) => {
    const raw = row[sortBy] as unknown;
    const key = raw instanceof Date ? raw.toISOString() : (raw as string | number);
    return { cursor: encodeCursor({ key, id: row.id }), node: toNode(row) };
  });
  return { edges, totalCount, pageInfo: { hasNextPage, endCursor: edges.at(-1)?.cursor ?? null } };
}

const isoDate = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;
