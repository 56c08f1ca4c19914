import { type FormEvent, useEffect, useState } from 'react';
import { useMutation } from '../api/useMutation.ts';
import { useQuery } from '../api/useQuery.ts';
import { useSubscription } from '../api/useSubscription.ts';
import { ErrorState } from '../states/ErrorState.tsx';
import { Badge } from '../ui/Badge.tsx';
import { Dialog } from '../ui/Dialog.tsx';
import { SelectField } from '../ui/SelectField.tsx';
import { DialogActions } from '../ui/DialogActions.tsx';
import type { BackupLocation } from './BackupLocation.ts';
import {
  type CheckJob,
  checkJobQuery,
  checkJobUpdatedSubscription,
  validateBackupLocationMutation,
} from './locationOperations.ts';

export interface ValidateLocationDialogProps {
  location: BackupLocation;
  clusters: readonly { id: string; name: string; status: string }[];
  onClose: () => void;
  /** Called when the check has ended, so the list shows its outcome. */
  onChecked: () => void;
}

/**
 * Checks a location from inside a cluster: its agent writes, reads and deletes a probe object. Follows the job
 * live until it ends, then shows the outcome.
 */
export function ValidateLocationDialog({ location, clusters, onClose, onChecked }: ValidateLocationDialogProps) {
  const mutation = useMutation(validateBackupLocationMutation);
  const connected = clusters.filter((c) => c.status === 'Connected');
  const [clusterId, setClusterId] = useState(connected[0]?.id ?? clusters[0]?.id ?? '');
  const [job, setJob] = useState<CheckJob | undefined>();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const data = await mutation.run({ id: location.id, clusterId });
    if (data) setJob(data.validateBackupLocation);
  };

  return (
    <Dialog title={`Check location ${location.name}`} onClose={onClose}>
      {job ? (
        <JobProgress job={job} onEnded={onChecked} onClose={onClose} />
      ) : clusters.length === 0 ? (
        <>
          <p>The check runs in a cluster's agent, and this tenant has no cluster yet. Register one on the Fleet screen.</p>
          <DialogActions close="Close" onClose={onClose} />
        </>
      ) : (
        <form className="form" onSubmit={submit}>
          <p>
            The cluster's agent writes, reads back and deletes a small probe object, reaching the location as backups
            will.
          </p>
          <SelectField
            label="From cluster"
            hint={connected.length ? undefined : 'No cluster is connected now: the check waits for its agent.'}
            options={clusters.map((c) => ({ value: c.id, label: `${c.name}${connectionNote(c.status)}` }))}
            value={clusterId}
            onChange={setClusterId}
          />
          {mutation.state.status === 'error' && (
            <ErrorState error={mutation.state.error} title="The hub did not start the check" compact />
          )}
          <DialogActions close="Cancel" onClose={onClose}>
            <button type="submit" className="primary" disabled={mutation.state.status === 'running' || !clusterId}>
              {mutation.state.status === 'running' ? 'Starting…' : 'Check now'}
            </button>
          </DialogActions>
        </form>
      )}
    </Dialog>
  );
}

function connectionNote(status: string): string {
  return status === 'Connected' ? '' : ` (${status === 'PendingEnrollment' ? 'awaiting agent' : 'disconnected'})`;
}

const rank: Record<CheckJob['phase'], number> = { Queued: 0, Running: 1, Succeeded: 2, Failed: 2, Cancelled: 2 };
const ended = (phase: CheckJob['phase']) => rank[phase] === 2;

/** How often the job is read again, in case it changed before the subscription started. */
const pollMs = 2_000;

function JobProgress({ job, onEnded, onClose }: { job: CheckJob; onEnded: () => void; onClose: () => void }) {
  const [final, setFinal] = useState<CheckJob | undefined>();
  const live = useSubscription(checkJobUpdatedSubscription, { id: job.id }, { skip: Boolean(final) });
  const polled = useQuery(checkJobQuery, { id: job.id }, { pollMs, skip: Boolean(final) });
  const candidates = [
    job,
    'data' in live ? live.data?.jobUpdated : undefined,
    polled.state.status === 'ready' ? polled.state.data.job : undefined,
  ].filter((j): j is CheckJob => j !== undefined);
  const current = final ?? candidates.reduce((a, b) => (rank[b.phase] >= rank[a.phase] ? b : a));
  const done = ended(current.phase);
  useEffect(() => {
    if (done && !final) {
      setFinal(current);
      onEnded();
    }
  }, [done, final, current, onEnded]);
  return (
    <div className="form" aria-live="polite">
      <p>
        {current.phase === 'Succeeded' ? (
          <Badge tone="ok">Reachable</Badge>
        ) : current.phase === 'Failed' || current.phase === 'Cancelled' ? (
          <Badge tone="bad">Check failed</Badge>
        ) : (
          <Badge tone="info">{current.phase === 'Queued' ? 'Waiting for the agent' : 'Checking'}</Badge>
        )}{' '}
        {current.phase === 'Succeeded'
          ? 'The agent wrote, read and deleted the probe object.'
          : current.phase === 'Queued'
            ? 'The check starts when the agent picks it up.'
            : (current.progress?.message ?? '')}
      </p>
      {current.error && <p className="error-message">{current.error}</p>}
      {live.status === 'error' && polled.refreshError && !done && (
        <ErrorState error={live.error} title="Lost track of the check; its outcome will show in the list" compact />
      )}
      <DialogActions close={done ? 'Done' : 'Close (the check goes on)'} onClose={onClose} primary={done} />
    </div>
  );
}
