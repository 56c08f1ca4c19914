import type { ReactNode } from 'react';
import type { QueryResult } from '../api/useQuery.ts';
import { ErrorState } from './ErrorState.tsx';
import { LoadingState } from './LoadingState.tsx';
import { unreachable } from '../ui/unreachable.ts';

export interface QueryViewProps<T> {
  query: QueryResult<T>;
  /** "Loading clusters" */
  loading: string;
  /** "Could not load the clusters" */
  failed: string;
  /** When true for the data, `empty` is shown instead of `children`. */
  isEmpty?: (data: T) => boolean;
  empty?: ReactNode;
  children: (data: T) => ReactNode;
}

/**
 * The one way a screen shows a query: loading, error (with retry), empty, or the data; and, over data already
 * shown, a note when a refresh failed.
 */
export function QueryView<T>({ query, loading, failed, isEmpty, empty, children }: QueryViewProps<T>) {
  const { state } = query;
  switch (state.status) {
    case 'loading':
      return <LoadingState label={loading} />;
    case 'error':
      return <ErrorState error={state.error} title={failed} onRetry={query.reload} />;
    case 'ready':
      return (
        <>
          {query.refreshError && (
            <ErrorState error={query.refreshError} title={`${failed}; showing older data`} compact />
          )}
          {isEmpty?.(state.data) && empty !== undefined ? empty : children(state.data)}
        </>
      );
    default:
      return unreachable(state);
  }
}
