import type { ReactNode } from 'react';
import type { QueryResult } from '../api/useQuery.ts';
import { QueryView } from './QueryView.tsx';

export interface ListViewProps<T> {
  query: QueryResult<T>;
  /** What the list holds, in the plural: "clusters" says "Loading clusters" and "Could not load the clusters". */
  what: string;
  /** The list in the answer; without rows, `empty` shows instead of `children`. */
  list: (data: T) => { edges: readonly unknown[] };
  empty: ReactNode;
  children: (data: T) => ReactNode;
}

/** A query for a list, shown as `QueryView` shows any query, with its words and its emptiness taken from the list. */
export function ListView<T>({ query, what, list, empty, children }: ListViewProps<T>) {
  return (
    <QueryView
      query={query}
      loading={`Loading ${what}`}
      failed={`Could not load the ${what}`}
      isEmpty={(data) => list(data).edges.length === 0}
      empty={empty}
    >
      {children}
    </QueryView>
  );
}
