import { useEffect, useRef, useState } from 'react';
import type { ApiError } from '../api/ApiError.ts';
import { useQuery } from '../api/useQuery.ts';
import { useSubscription } from '../api/useSubscription.ts';
import { newerRestore } from './newerRestore.ts';
import type { RestoreData } from './RestoreData.ts';
import { isRestoreEnded } from './restorePhase.ts';
import { type RestoreJob, restoreQuery } from './restoreQuery.ts';
import { unreachable } from '../ui/unreachable.ts';
import { restoreUpdatedSubscription } from './restoreUpdatedSubscription.ts';

/**
 * While a restore runs it is also read this often: for its job's message, and for a change made before the
 * subscription started (`restoreUpdated` sends changes, not the current state).
 */
const pollMs = 4_000;

export type LiveRestore =
  | { status: 'loading' }
  | { status: 'error'; error: ApiError; reload: () => void }
  | {
      status: 'ready';
      restore: RestoreData;
      job: RestoreJob | undefined;
      /** Why the live connection failed; the restore is still read every few seconds. */
      liveError: ApiError | undefined;
      reload: () => void;
    };

/**
 * A restore as it changes: read once, then followed through `restoreUpdated` (and polled) until it ends,
 * taking whichever state is the more advanced. Render it under `key={id}` when the id can change.
 */
export function useLiveRestore(id: string): LiveRestore {
  const [active, setActive] = useState(true);
  const query = useQuery(restoreQuery, { id }, { pollMs: active ? pollMs : undefined });
  const fromQuery = query.state.status === 'ready' ? query.state.data.restore : undefined;
  const live = useSubscription(
    restoreUpdatedSubscription,
    { id },
    { skip: !active || !fromQuery || isRestoreEnded(fromQuery.phase) },
  );
  const fromLive = live.status === 'connecting' ? undefined : live.data?.restoreUpdated;
  const restore = newerRestore(fromQuery, fromLive);
  const ended = restore !== undefined && isRestoreEnded(restore.phase);

  // Once it has ended, stop following it, and read it (with its job) once more if the end came live.
  const { reload } = query;
  const endSeenInQuery = fromQuery !== undefined && isRestoreEnded(fromQuery.phase);
  const reloadedAtEnd = useRef(false);
  useEffect(() => {
    setActive(!ended);
    if (ended && !endSeenInQuery && !reloadedAtEnd.current) {
      reloadedAtEnd.current = true;
      reload();
    }
  }, [ended, endSeenInQuery, reload]);

  switch (query.state.status) {
    case 'loading':
      return { status: 'loading' };
    case 'error':
      return { status: 'error', error: query.state.error, reload };
    case 'ready':
      return {
        status: 'ready',
        restore: restore ?? query.state.data.restore,
        job: query.state.data.jobs.edges[0]?.node,
        liveError: live.status === 'error' ? live.error : undefined,
        reload,
      };
    default:
      return unreachable(query.state);
  }
}
