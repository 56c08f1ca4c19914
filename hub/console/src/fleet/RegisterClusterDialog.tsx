import { type FormEvent, useState } from 'react';
import type { ApiError } from '../api/ApiError.ts';
import { useMutation } from '../api/useMutation.ts';
import { ErrorState } from '../states/ErrorState.tsx';
import type { Tenant } from '../tenants/tenantsQuery.ts';
import { CopyButton } from '../ui/CopyButton.tsx';
import { Dialog } from '../ui/Dialog.tsx';
import { DialogActions } from '../ui/DialogActions.tsx';
import { SelectField } from '../ui/SelectField.tsx';
import { TextField } from '../ui/TextField.tsx';
import { agentInstallCommand } from './agentInstallCommand.ts';
import { type ClusterEnrollment, registerClusterMutation } from './registerClusterMutation.ts';

export interface RegisterClusterDialogProps {
  /** Tenants in which the caller may register clusters (admins). */
  tenants: Tenant[];
  defaultTenantId: string | null;
  onClose: () => void;
  /** Called once the hub has registered it, so the fleet shows it. */
  onRegistered: () => void;
}

/** Registers a cluster, then shows its one-time enrollment token and the command that starts its agent. */
export function RegisterClusterDialog({ tenants, defaultTenantId, onClose, onRegistered }: RegisterClusterDialogProps) {
  const mutation = useMutation(registerClusterMutation);
  const [enrollment, setEnrollment] = useState<ClusterEnrollment | undefined>();
  return (
    <Dialog
      title={enrollment ? `Cluster ${enrollment.cluster.name} is registered` : 'Register a cluster'}
      onClose={onClose}
    >
      {enrollment ? (
        <EnrollmentInstructions enrollment={enrollment} onDone={onClose} />
      ) : (
        <RegisterForm
          tenants={tenants}
          defaultTenantId={defaultTenantId}
          busy={mutation.state.status === 'running'}
          error={mutation.state.status === 'error' ? mutation.state.error : undefined}
          onCancel={onClose}
          onSubmit={async (tenantId, name) => {
            const data = await mutation.run({ tenantId, name });
            if (data) {
              setEnrollment(data.registerCluster);
              onRegistered();
            }
          }}
        />
      )}
    </Dialog>
  );
}

interface RegisterFormProps {
  tenants: Tenant[];
  defaultTenantId: string | null;
  busy: boolean;
  error: ApiError | undefined;
  onCancel: () => void;
  onSubmit: (tenantId: string, name: string) => void;
}

function RegisterForm({ tenants, defaultTenantId, busy, error, onCancel, onSubmit }: RegisterFormProps) {
  const [tenantId, setTenantId] = useState(
    tenants.some((t) => t.id === defaultTenantId) ? (defaultTenantId as string) : (tenants[0]?.id ?? ''),
  );
  const [name, setName] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit(tenantId, name.trim());
  };
  return (
    <form className="form" onSubmit={submit}>
      {tenants.length > 1 && (
        <SelectField
          label="Tenant"
          options={tenants.map((t) => ({ value: t.id, label: t.displayName || t.name }))}
          value={tenantId}
          onChange={setTenantId}
        />
      )}
      <TextField
        label="Cluster name"
        hint={
          <>
            Lowercase letters, digits and dashes (a DNS label), unique in the tenant, e.g. <code>prod-eu</code>.
          </>
        }
        name="name"
        required
        autoFocus
        value={name}
        onChange={setName}
      />
      {error && <ErrorState error={error} title="The hub did not register the cluster" compact />}
      <DialogActions close="Cancel" onClose={onCancel}>
        <button type="submit" className="primary" disabled={busy || !tenantId}>
          {busy ? 'Registering…' : 'Register'}
        </button>
      </DialogActions>
    </form>
  );
}

function EnrollmentInstructions({ enrollment, onDone }: { enrollment: ClusterEnrollment; onDone: () => void }) {
  const [hubUrl, setHubUrl] = useState(window.location.origin);
  const command = agentInstallCommand({ hubUrl, enrollmentToken: enrollment.enrollmentToken });
  return (
    <div className="enrollment">
      <p>
        Start the cluster's agent with this one-time token. It is shown only now, works once, and expires{' '}
        <time dateTime={enrollment.expiresAt}>{new Date(enrollment.expiresAt).toLocaleString()}</time>.
      </p>
      <h3>Enrollment token</h3>
      <div className="secret">
        <code data-testid="enrollment-token">{enrollment.enrollmentToken}</code>
        <CopyButton text={enrollment.enrollmentToken} label="Copy token" />
      </div>
      <h3>Install the agent</h3>
      <TextField label="Hub URL, as the agent reaches it" value={hubUrl} onChange={setHubUrl} />
      <p>
        In a Fleetback checkout built with <code>npm ci &amp;&amp; npm run build</code>, on a machine whose kubeconfig
        reaches the cluster (in a pod: its in-cluster config; else <code>KUBECONFIG</code> or{' '}
        <code>~/.kube/config</code>; <code>FLEETBACK_KUBECONFIG</code> picks another), run:
      </p>
      <pre className="command" data-testid="agent-command">
        <code>{command}</code>
      </pre>
      <CopyButton text={command} label="Copy command" />
      <p className="hint">
        The agent dials out to the hub; the cluster needs no inbound port. It shows as Connected here once it has
        enrolled. A lost token is replaced by renewing the cluster's enrollment.
      </p>
      <DialogActions close="Done" onClose={onDone} primary />
    </div>
  );
}
