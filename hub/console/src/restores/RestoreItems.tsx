import { useEffect, useRef, useState } from 'react';
import { useQuery } from '../api/useQuery.ts';
import { EmptyState } from '../states/EmptyState.tsx';
import { QueryView } from '../states/QueryView.tsx';
import type { RestoreItemCounts } from './RestoreData.ts';
import { ItemsTable } from './ItemsTable.tsx';
import { Pager } from './Pager.tsx';
import {
  type RestoreItemResult,
  restoreItemResults,
  restoreItemsPageSize,
  restoreItemsQuery,
} from './restoreItemsQuery.ts';

export interface RestoreItemsProps {
  restoreId: string;
  counts: RestoreItemCounts;
  /** Changes whenever the restore records more items: the shown page is read again. */
  version: string;
  /** The result to show, chosen here or from outside ("Show the failed items"). */
  filter: RestoreItemResult | null;
  onFilter: (filter: RestoreItemResult | null) => void;
  /** Says why the list is empty while the restore has not started. */
  started: boolean;
}

const resultLabels: Record<RestoreItemResult, string> = {
  created: 'Created',
  updated: 'Updated',
  skipped: 'Skipped',
  failed: 'Failed',
};

/** What the restore did with each item, a page at a time, filtered by result. */
export function RestoreItems({ restoreId, counts, version, filter, onFilter, started }: RestoreItemsProps) {
  // The cursors of the pages read so far, for the filter they were read with: another filter starts over.
  const [paging, setPaging] = useState<{ filter: RestoreItemResult | null; cursors: (string | null)[] }>({
    filter,
    cursors: [null],
  });
  const cursors = paging.filter === filter ? paging.cursors : [null];
  const setCursors = (change: (cursors: (string | null)[]) => (string | null)[]) =>
    setPaging({ filter, cursors: change(cursors) });
  const after = cursors[cursors.length - 1] ?? null;
  const query = useQuery(restoreItemsQuery, { id: restoreId, first: restoreItemsPageSize, after, result: filter });
  const total = counts.created + counts.updated + counts.skipped + counts.failed;

  // New items recorded: read the shown page again (not on the first render, which reads it anyway).
  const { reload } = query;
  const shownVersion = useRef(version);
  useEffect(() => {
    if (shownVersion.current === version) return;
    shownVersion.current = version;
    reload();
  }, [version, reload]);

  const choose = (next: RestoreItemResult | null) => onFilter(next);
  return (
    <section className="restore-items" aria-labelledby="items-title">
      <h2 id="items-title" tabIndex={-1}>
        Items
      </h2>
      <div className="result-filter" role="group" aria-label="Show items by result">
        <button type="button" aria-pressed={filter === null} onClick={() => choose(null)}>
          All ({total})
        </button>
        {restoreItemResults.map((result) => (
          <button
            key={result}
            type="button"
            aria-pressed={filter === result}
            className={result === 'failed' && counts.failed > 0 ? 'has-failures' : undefined}
            onClick={() => choose(result)}
          >
            {resultLabels[result]} ({counts[result]})
          </button>
        ))}
      </div>
      <QueryView
        query={query}
        loading="Loading the items"
        failed="Could not load the restore’s items"
        isEmpty={(data) => data.restore.items.edges.length === 0}
        empty={
          <EmptyState title={filter ? `No ${resultLabels[filter].toLowerCase()} items` : 'No items yet'}>
            <p>
              {!started
                ? 'The restore has not started: its items appear here as the agent applies them.'
                : filter
                  ? 'Choose another result to see the other items.'
                  : 'The restore has recorded no items so far.'}
            </p>
          </EmptyState>
        }
      >
        {(data) => {
          const page = data.restore.items;
          const first = (cursors.length - 1) * restoreItemsPageSize;
          return (
            <>
              <ItemsTable items={page.edges.map((e) => e.node)} />
              <Pager
                label="Item pages"
                from={first + 1}
                to={first + page.edges.length}
                total={page.totalCount}
                onPrevious={cursors.length > 1 ? () => setCursors((c) => c.slice(0, -1)) : undefined}
                onNext={
                  page.pageInfo.hasNextPage && page.pageInfo.endCursor
                    ? () => setCursors((c) => [...c, page.pageInfo.endCursor])
                    : undefined
                }
              />
            </>
          );
        }}
      </QueryView>
    </section>
  );
}
