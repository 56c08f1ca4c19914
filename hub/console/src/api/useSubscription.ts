import { useEffect, useState } from 'react';
import type { ApiError } from './ApiError.ts';
import { useApi } from './ApiProvider.tsx';
import type { Operation } from './Operation.ts';

export type SubscriptionState<T> =
  | { status: 'connecting' }
  | { status: 'live'; data: T }
  | { status: 'error'; error: ApiError; data: T | undefined }
  | { status: 'ended'; data: T | undefined };

/**
 * Follows a graphql-ws subscription (e.g. `backupUpdated(id)` for live progress) while mounted and while
 * `variables` stay the same (compared as JSON); the latest result is `data`.
 */
export function useSubscription<TData, TVariables extends object>(
  operation: Operation<TData, TVariables>,
  variables: TVariables,
  options: { skip?: boolean } = {},
): SubscriptionState<TData> {
  const client = useApi();
  const key = JSON.stringify(variables);
  const [state, setState] = useState<SubscriptionState<TData>>({ status: 'connecting' });
  const skip = options.skip ?? false;

  useEffect(() => {
    if (skip) return;
    setState({ status: 'connecting' });
    let latest: TData | undefined;
    return client.subscribe(operation, JSON.parse(key) as TVariables, {
      next: (data) => {
        latest = data;
        setState({ status: 'live', data });
      },
      error: (error) => setState({ status: 'error', error, data: latest }),
      complete: () => setState({ status: 'ended', data: latest }),
    });
  }, [client, operation, key, skip]);

  return state;
}
