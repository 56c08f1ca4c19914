import { useCallback, useEffect, useRef, useState } from 'react';
import { type ApiError, toApiError } from './ApiError.ts';
import { useApi } from './ApiProvider.tsx';
import type { Operation } from './Operation.ts';

export type MutationState<T> =
  | { status: 'idle' }
  | { status: 'running' }
  | { status: 'error'; error: ApiError }
  | { status: 'done'; data: T };

export interface MutationResult<TData, TVariables> {
  /** Sends the mutation; resolves with its data, or with undefined when it failed (see `state.error`). */
  run(variables: TVariables): Promise<TData | undefined>;
  state: MutationState<TData>;
  /** Back to idle, e.g. when a dialog is opened again. */
  reset(): void;
}

/** A mutation a screen sends on a user's action, with its state for the button and the error display. */
export function useMutation<TData, TVariables extends object>(
  operation: Operation<TData, TVariables>,
): MutationResult<TData, TVariables> {
  const client = useApi();
  const [state, setState] = useState<MutationState<TData>>({ status: 'idle' });
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  const run = useCallback(
    async (variables: TVariables) => {
      setState({ status: 'running' });
      try {
        const data = await client.request(operation, variables);
        if (mounted.current) setState({ status: 'done', data });
        return data;
      } catch (error) {
        if (mounted.current) setState({ status: 'error', error: toApiError(error) });
        return undefined;
      }
    },
    [client, operation],
  );
  const reset = useCallback(() => setState({ status: 'idle' }), []);
  return { run, state, reset };
}
