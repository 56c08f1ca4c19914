import { useState } from 'react';
import { useMutation } from '../api/useMutation.ts';
import { ErrorState } from '../states/ErrorState.tsx';
import { Dialog } from '../ui/Dialog.tsx';
import { cancelJobMutation } from './cancelJobMutation.ts';

/** Cancels a queued or running restore after asking; what was applied so far stays in the target. */
export function CancelRestoreButton({ jobId, what }: { jobId: string; what: string }) {
  const [asking, setAsking] = useState(false);
  const mutation = useMutation(cancelJobMutation);
  const close = () => {
    setAsking(false);
    mutation.reset();
  };
  return (
    <>
      <button type="button" onClick={() => setAsking(true)}>
        Cancel the {what}
      </button>
      {asking && (
        <Dialog
          title={`Cancel the ${what}?`}
          onClose={close}
          footer={
            <>
              <button type="button" onClick={close}>
                Keep it running
              </button>
              <button
                type="button"
                className="danger"
                disabled={mutation.state.status === 'running'}
                onClick={async () => {
                  if (await mutation.run({ id: jobId })) close();
                }}
              >
                {mutation.state.status === 'running' ? 'Cancelling…' : `Cancel the ${what}`}
              </button>
            </>
          }
        >
          <p>
            The {what} ends as Failed. Objects it has already applied stay in the target cluster; they are listed
            below.
          </p>
          {mutation.state.status === 'error' && (
            <ErrorState error={mutation.state.error} title={`The hub did not cancel the ${what}`} compact />
          )}
        </Dialog>
      )}
    </>
  );
}
