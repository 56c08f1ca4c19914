import { useCallback, useEffect, useRef, useState } from 'react';
import { type ApiError, toApiError } from './ApiError.ts';
import { useApi } from './ApiProvider.tsx';
import type { Operation } from './Operation.ts';

/** A query's lifecycle as a screen renders it: one of the three states, never a mix. */
export type QueryState<T> =
  | { status: 'loading' }
  | { status: 'error'; error: ApiError }
  | { status: 'ready'; data: T };

export interface QueryResult<T> {
  state: QueryState<T>;
  /** Runs the query again; the shown data stays until the new answer arrives. */
  reload(): void;
  /** True while a reload or poll runs over data already shown. */
  refreshing: boolean;
  /** Why the last reload or poll failed, while the older data stays shown; cleared by the next success. */
  refreshError: ApiError | undefined;
}

export interface QueryOptions {
  /** Don't run (yet): the state stays `loading`. */
  skip?: boolean;
  /** Run again every this many milliseconds while mounted (for state no subscription streams). */
  pollMs?: number;
}

/**
 * Runs `operation` with `variables` and again whenever they change (compared as JSON), on `reload()` and on
 * each poll. Answers that arrive after the variables changed or the screen unmounted are dropped.
 */
export function useQuery<TData, TVariables extends object>(
  operation: Operation<TData, TVariables>,
  variables: TVariables,
  options: QueryOptions = {},
): QueryResult<TData> {
  const client = useApi();
  const key = JSON.stringify(variables);
  const [state, setState] = useState<QueryState<TData>>({ status: 'loading' });
  const [refreshing, setRefreshing] = useState(false);
  const [refreshError, setRefreshError] = useState<ApiError | undefined>();
  const [tick, setTick] = useState(0);
  const shownKey = useRef<string | undefined>(undefined);
  const skip = options.skip ?? false;

  useEffect(() => {
    if (skip) return;
    const controller = new AbortController();
    // Same variables: a reload or poll over the data shown. New variables: start over from loading.
    const over = shownKey.current === key;
    if (over) setRefreshing(true);
    else setState({ status: 'loading' });
    client
      .request(operation, JSON.parse(key) as TVariables, controller.signal)
      .then((data) => {
        if (controller.signal.aborted) return;
        shownKey.current = key;
        setState({ status: 'ready', data });
        setRefreshError(undefined);
      })
      .catch((error: unknown) => {
        if (controller.signal.aborted) return;
        const apiError = toApiError(error);
        if (over) setRefreshError(apiError);
        else setState({ status: 'error', error: apiError });
      })
      .finally(() => {
        if (!controller.signal.aborted) setRefreshing(false);
      });
    return () => controller.abort();
  }, [client, operation, key, tick, skip]);

  useEffect(() => {
    if (!options.pollMs || skip) return;
    const timer = setInterval(() => setTick((t) => t + 1), options.pollMs);
    return () => clearInterval(timer);
  }, [options.pollMs, skip]);

  const reload = useCallback(() => setTick((t) => t + 1), []);
  return { state, reload, refreshing, refreshError };
}
